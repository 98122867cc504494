package cn.gx.titlereview.archive;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.PemKeys;
import cn.gx.titlereview.platform.crypto.SignatureAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jar's offline check of an archive package, on any computer, years later; it starts no application:
 * <pre>
 * java -jar title-review.jar archive-verify --package 归档包.zip --public-key 公钥.pem
 * </pre>
 * The public key is the one the user obtained from the issuing server ({@code GET /api/archive/public-key}, its
 * fingerprint printed on 附件1), never the package's own. Exit codes: 0 verified, 1 not verified, 2 wrong use.
 */
public final class ArchiveCommandLine {

  static final String COMMAND = "archive-verify";

  static final String USAGE = """
      用法：
        java -jar title-review.jar archive-verify --package 归档包.zip --public-key 公钥.pem
            离线核验归档包：manifest.sig 须是用该公钥对 manifest.json 的签名（SM2 或 Ed25519），
            每个文件的杂凑值（SM3，或早期归档包的 SHA-256）须与清单一致。
            公钥须取自签发归档包的服务器（/api/archive/public-key），并与记录表上的公钥指纹核对；
            不使用归档包内的 public-key.pem。
            退出码：0 核验通过，1 核验未通过，2 用法或文件有误。""";

  private ArchiveCommandLine() {
  }

  public static boolean handles(String[] args) {
    return args.length > 0 && args[0].equals(COMMAND);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path zip;
    PublicKey key;
    try {
      Map<String, String> options = options(args);
      zip = existing(options, "package");
      key = PemKeys.publicKey(read(existing(options, "public-key")));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    ArchiveVerifier.Result result;
    try (InputStream in = Files.newInputStream(zip)) {
      result = ArchiveVerifier.verify(in, List.of(key), new ArchiveLimits());
    } catch (ArchiveVerifier.LimitExceeded e) {
      err.println(e.getMessage());
      out.println("核验未通过：未核验归档包的内容");
      return 1;
    } catch (IOException e) {
      err.println("无法读取归档包 " + zip.toAbsolutePath());
      return 2;
    }
    result.problems().forEach(err::println);
    if (!result.problems().isEmpty()) {
      out.println("核验未通过：共 " + result.problems().size() + " 处问题");
      return 1;
    }
    ArchiveManifest manifest = result.manifest();
    String hash = manifest.hashAlgorithm() == null ? "SHA-256" : HashAlgorithm.byId(manifest.hashAlgorithm()).label();
    out.println("核验通过：评审会 " + manifest.sessionCode() + " 的归档包（" + manifest.generatedAt() + " 生成），"
        + SignatureAlgorithm.of(key).label() + " 签名与公钥（指纹 " + PemKeys.fingerprint(key) + "）相符，"
        + manifest.entries().size() + " 个文件的 " + hash + " 均与清单一致");
    return 0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!List.of("--package", "--public-key").contains(args[i]) || i + 1 >= args.length) {
        throw new IllegalArgumentException("无法识别的参数：" + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static Path existing(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("缺少参数 --" + name);
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("找不到文件 " + path.toAbsolutePath());
    }
    return path;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("无法读取公钥文件 " + file.toAbsolutePath());
    }
  }
}
