package cn.gx.titlereview.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of processes from Linux's {@code /proc}: a child JVM, and the PostgreSQL server with its backends (the
 * postmaster's own time, the time of its children it has reaped, and that of its live backends).
 */
final class ProcessCpu {

  /** Linux reports CPU in clock ticks of 1/100 s on every kernel this runs on ({@code getconf CLK_TCK}). */
  private static final long MILLIS_PER_TICK = 10;

  private ProcessCpu() {
  }

  /** This JVM's CPU time, in milliseconds. */
  static long self() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1_000_000;
  }

  /** A process's CPU time (user + system, itself only), in milliseconds; 0 if it is gone. */
  static long of(long pid) {
    long[] f = stat(pid);
    return f == null ? 0 : (f[13] + f[14]) * MILLIS_PER_TICK;
  }

  /** A process and all its live and reaped children, in milliseconds. */
  static long tree(long pid) {
    long[] f = stat(pid);
    if (f == null) {
      return 0;
    }
    long ticks = f[13] + f[14] + f[15] + f[16];
    try (Stream<Path> all = Files.list(Path.of("/proc"))) {
      ticks += all.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .mapToLong(Long::parseLong).mapToObj(ProcessCpu::stat)
          .filter(s -> s != null && s[3] == pid).mapToLong(s -> s[13] + s[14]).sum();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ticks * MILLIS_PER_TICK;
  }

  /**
   * The embedded PostgreSQL server's postmaster: the {@code postgres} process, not itself a backend, whose command
   * line names zonky's data directory ({@code embedded-pg}).
   */
  static long embeddedPostmaster() {
    try (Stream<Path> all = Files.list(Path.of("/proc"))) {
      List<Long> found = all.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(pid -> "postgres".equals(name(pid)) && !"postgres".equals(name(parentOf(pid)))
              && commandLine(pid).contains("embedded-pg"))
          .toList();
      if (found.size() != 1) {
        throw new IllegalStateException("expected one embedded postmaster, found " + found);
      }
      return found.get(0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long parentOf(long pid) {
    long[] f = stat(pid);
    return f == null ? -1 : f[3];
  }

  private static String name(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      return s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The fields of /proc/pid/stat as numbers (index as in proc(5) minus one; the name field is 0). */
  private static long[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] rest = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
      // Up to cstime (field 17): later fields include unsigned 64-bit values (rsslim) that a long cannot hold.
      long[] f = new long[17];
      f[0] = pid;
      for (int i = 1; i + 2 < f.length; i++) {
        f[i + 2] = Long.parseLong(rest[i]);
      }
      return f;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
