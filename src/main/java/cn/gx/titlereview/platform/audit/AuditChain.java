package cn.gx.titlereview.platform.audit;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash chain of the audit trail: each line's hash covers its place, its fields and the hash of the line before
 * it, so that a line edited, deleted or slipped in shows at the first line that no longer follows. The chain starts
 * from {@link #GENESIS}; each hash names its algorithm, so a chain may change from SHA-256 to SM3 and back and still
 * be checked line by line.
 */
final class AuditChain {

  static final String GENESIS = "genesis";

  /** The fields of a line that the hash covers. */
  record Line(long seq, Instant at, String actor, String kind, String subject, String detail, String address,
      String previousHash, String hash) {

    static Line of(ResultSet rs) throws SQLException {
      return new Line(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
          rs.getString("kind"), rs.getString("subject"), rs.getString("detail"), rs.getString("address"),
          rs.getString("previous_hash"), rs.getString("hash"));
    }
  }

  private AuditChain() {
  }

  /** The named hash of a line placed after {@code previousHash}. Fields are length-prefixed, so none can shift. */
  static String hash(HashAlgorithm algorithm, long seq, Instant at, String actor, String kind, String subject,
      String detail, String address, String previousHash) {
    HashAlgorithm.Hasher hasher = algorithm.hasher();
    field(hasher, previousHash);
    field(hasher, Long.toString(seq));
    field(hasher, Long.toString(at.toEpochMilli()));
    field(hasher, actor);
    field(hasher, kind);
    field(hasher, subject);
    field(hasher, detail);
    field(hasher, address);
    return hasher.finishNamed();
  }

  private static void field(HashAlgorithm.Hasher hasher, String value) {
    if (value == null) {
      hasher.update(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    hasher.update(ByteBuffer.allocate(4).putInt(bytes.length).array()).update(bytes);
  }

  /** Walks the lines in order of their place and collects what does not follow; at most this many problems. */
  static final class Walk {
    private static final int MAX_PROBLEMS = 20;

    private final List<String> problems = new ArrayList<>();
    private long lines;
    private long expectedSeq = 1;
    private String previousHash = GENESIS;

    void next(Line line) {
      lines++;
      if (line.seq() != expectedSeq) {
        problem(line.seq() > expectedSeq
            ? "第 " + expectedSeq + " 至 " + (line.seq() - 1) + " 条记录缺失（被删除）"
            : "第 " + line.seq() + " 条记录重复或次序错乱");
      }
      if (!previousHash.equals(line.previousHash())) {
        problem("第 " + line.seq() + " 条记录所接的前一条记录的杂凑值不符：其前的记录被删除或改动");
      }
      String recomputed = line.hash() == null ? null : hash(HashAlgorithm.of(line.hash()), line.seq(), line.at(),
          line.actor(), line.kind(), line.subject(), line.detail(), line.address(), line.previousHash());
      if (recomputed == null || !HashAlgorithm.same(recomputed, line.hash())) {
        problem("第 " + line.seq() + " 条记录的内容与其杂凑值不符：该记录被改动");
      }
      expectedSeq = line.seq() + 1;
      previousHash = line.hash();
    }

    /** The head the appends keep must name the last line: otherwise lines at the end were deleted. */
    void end(long headSeq, String headHash, long unchained) {
      if (headSeq != expectedSeq - 1 || !previousHash.equals(headHash)) {
        problem("链尾不符：最后一条记录应为第 " + headSeq + " 条，实为第 " + (expectedSeq - 1) + " 条（末尾的记录被删除或改动）");
      }
      if (unchained > 0) {
        problem(unchained + " 条记录不在链中：它们未经本系统写入");
      }
    }

    private void problem(String text) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(text);
      }
    }

    long lines() {
      return lines;
    }

    List<String> problems() {
      return List.copyOf(problems);
    }
  }
}
