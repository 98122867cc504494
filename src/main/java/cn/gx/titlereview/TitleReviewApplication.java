package cn.gx.titlereview;

import cn.gx.titlereview.archive.ArchiveCommandLine;
import cn.gx.titlereview.draw.DrawCommandLine;
import cn.gx.titlereview.transparency.LogCommandLine;
import cn.gx.titlereview.transparency.WitnessCommandLine;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TitleReviewApplication {
  public static void main(String[] args) {
    // The offline draw commands run on a computer without network, the archive and log checks on any computer, years
    // later:
    // they must not start the application.
    if (DrawCommandLine.handles(args)) {
      System.exit(DrawCommandLine.run(args, System.out, System.err, new SecureRandom(), Clock.systemDefaultZone()));
    }
    if (ArchiveCommandLine.handles(args)) {
      System.exit(ArchiveCommandLine.run(args, System.out, System.err));
    }
    if (LogCommandLine.handles(args)) {
      System.exit(LogCommandLine.run(args, System.out, System.err));
    }
    if (WitnessCommandLine.handles(args)) {
      System.exit(WitnessCommandLine.run(args, System.out, System.err));
    }
    SpringApplication.run(TitleReviewApplication.class, args);
  }
}
