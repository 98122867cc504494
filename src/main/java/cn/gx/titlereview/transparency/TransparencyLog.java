package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.platform.crypto.SigningKey;
import cn.gx.titlereview.transparency.MerkleTree.Node;
import cn.gx.titlereview.transparency.MerkleTree.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The region's transparency log: every sealed fact of every session, one leaf each, in an append-only Merkle tree
 * hashed with SM3 (RFC 9162 §2.1, {@code SM3(0x00 ‖ leaf)}, {@code SM3(0x01 ‖ left ‖ right)}). Checkpoints, signed
 * with the server's key, fix its size and root; each is also written as a text file to publish. Anyone holding an old
 * checkpoint asks for a consistency proof to the new one and checks it offline ({@code log-verify}): a leaf rewritten
 * or removed since makes the proof fail, whoever holds the server.
 *
 * <p>Leaves are appended in the caller's transaction under a lock on the log's one head row, so that the fact and its
 * leaf commit together and appends never interleave. The perfect subtrees are stored as they complete, so a proof
 * reads about 2·log₂(n) of them, whatever the size.
 */
@Service
@EnableConfigurationProperties(TransparencySettings.class)
public class TransparencyLog implements SealedFacts {

  /** The log's hash, for its whole life: changing it would make every old checkpoint unprovable. */
  public static final HashAlgorithm HASH = HashAlgorithm.SM3;

  private static final Logger log = LoggerFactory.getLogger(TransparencyLog.class);
  private static final HexFormat HEX = HexFormat.of();

  private final LogRepository repository;
  private final SigningKey key;
  private final TransparencySettings settings;
  private final Clock clock;

  TransparencyLog(LogRepository repository, SigningKey key, TransparencySettings settings, Clock clock) {
    this.repository = repository;
    this.key = key;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  @Transactional
  public long seal(SealedFact fact) {
    return append(List.of(fact));
  }

  /** Appends the facts' leaves in this order; the index of the first. */
  @Transactional
  public long append(List<SealedFact> facts) {
    long size = repository.lockSize();
    List<Object[]> rows = new ArrayList<>(facts.size());
    List<byte[]> hashes = new ArrayList<>(facts.size());
    long index = size;
    for (SealedFact fact : facts) {
      byte[] leaf = fact.leaf();
      if (leaf.length > 4000) {
        throw new IllegalArgumentException("透明日志的叶子不超过 4000 字节，实际为 " + leaf.length);
      }
      byte[] hash = MerkleTree.leafHash(HASH, leaf);
      hashes.add(hash);
      rows.add(new Object[] {index++, fact.kind(), fact.sessionCode(), LogRepository.timestamp(fact.at()),
          new String(leaf, StandardCharsets.UTF_8), HEX.formatHex(hash)});
    }
    repository.insertLeaves(rows);
    repository.insertNodes(MerkleTree.append(HASH, size, repository.nodes(MerkleTree.frontier(size)), hashes));
    repository.setSize(index);
    return size;
  }

  public long size() {
    return repository.size();
  }

  /** The root hash of the tree of its first {@code size} leaves. */
  public byte[] root(long size) {
    if (size == 0) {
      return HASH.digest(new byte[0]);
    }
    Range whole = new Range(0, size);
    return whole.hash(HASH, repository.nodes(whole.parts()));
  }

  /**
   * A checkpoint of the log as it is now: the latest one if nothing was appended since, else a new one, signed,
   * stored, and written as a file once the transaction commits. Either way the log is first proved consistent with the
   * latest checkpoint, from the stored hashes.
   *
   * @throws LogInconsistent when the log no longer extends the latest checkpoint: a leaf was changed or removed
   */
  @Transactional
  public Checkpoint checkpoint() {
    long size = repository.lockSize();
    Optional<Checkpoint> latest = repository.latestCheckpoint();
    byte[] root = root(size);
    if (latest.isPresent() && !consistent(latest.get(), size, root)) {
      throw new LogInconsistent(latest.get());
    }
    if (latest.isPresent() && latest.get().size() == size) {
      return latest.get();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String rootHash = HASH.namedDigest(root);
    byte[] signature = key.sign(Checkpoint.body(settings.origin(), size, rootHash, now)
        .getBytes(StandardCharsets.UTF_8));
    Checkpoint checkpoint = new Checkpoint(settings.origin(), size, rootHash, now, key.algorithm().id(),
        key.fingerprint(), signature);
    repository.insertCheckpoint(checkpoint);
    afterCommit(() -> writeFile(checkpoint));
    return checkpoint;
  }

  private boolean consistent(Checkpoint earlier, long size, byte[] root) {
    if (earlier.size() > size) {
      return false;
    }
    List<byte[]> proof = consistencyPath(earlier.size(), size);
    return MerkleTree.verifyConsistency(HASH, earlier.size(), size, earlier.root(), root, proof);
  }

  /** The log no longer extends a checkpoint it signed: what a supervisor's {@code log-verify} would also find. */
  public static class LogInconsistent extends RuntimeException {
    LogInconsistent(Checkpoint earlier) {
      super("透明日志与此前签署的" + earlier.describe() + "不一致：日志中已有记录被改动或删除，不能签署新的检查点");
    }
  }

  public Optional<Checkpoint> latestCheckpoint() {
    return repository.latestCheckpoint();
  }

  public Optional<Checkpoint> checkpoint(long size) {
    return repository.checkpoint(size);
  }

  /** The proof that leaf {@code index} is in the tree of a checkpoint, with the leaf and the checkpoint's text. */
  public Proofs.Inclusion inclusion(long index, Checkpoint checkpoint) {
    LogEntry leaf = repository.leaf(index)
        .orElseThrow(() -> new IllegalArgumentException("透明日志中没有第 " + index + " 条记录"));
    List<Range> ranges = MerkleTree.inclusionRanges(index, checkpoint.size());
    Map<Node, byte[]> nodes = repository.nodes(MerkleTree.nodesOf(ranges));
    return new Proofs.Inclusion(HASH.id(), index, checkpoint.size(), leaf.leafHash(), leaf.leaf(),
        ranges.stream().map(r -> HEX.formatHex(r.hash(HASH, nodes))).toList(), checkpoint.text());
  }

  /** The proof that the tree of {@code to} leaves extends the one of {@code from}. */
  public Proofs.Consistency consistency(long from, long to) {
    long size = size();
    if (to > size || from < 0 || from > to) {
      throw new IllegalArgumentException("树大小应满足 0 ≤ from ≤ to ≤ " + size + "（日志现有 " + size + " 条记录）");
    }
    return new Proofs.Consistency(HASH.id(), from, to,
        consistencyPath(from, to).stream().map(HEX::formatHex).toList());
  }

  private List<byte[]> consistencyPath(long from, long to) {
    List<Range> ranges = MerkleTree.consistencyRanges(from, to);
    Map<Node, byte[]> nodes = repository.nodes(MerkleTree.nodesOf(ranges));
    return ranges.stream().map(r -> r.hash(HASH, nodes)).toList();
  }

  /** A sealed fact with its proof in the latest checkpoint; {@code proof} is null until a checkpoint includes it. */
  public record Proved(LogEntry entry, String label, Proofs.Inclusion proof) {

    /** The checkpoint the proof leads to. */
    public Checkpoint checkpoint() {
      return proof == null ? null : Checkpoint.parse(proof.checkpoint());
    }

    /** When it was sealed, as pages show a moment. */
    public String sealedAt() {
      return PlatformConfig.MINUTES.format(entry.sealedAt());
    }

    public String checkpointSignedAt() {
      return proof == null ? null : PlatformConfig.MINUTES.format(checkpoint().time());
    }
  }

  /** A session's sealed facts, each with its audit path to the latest checkpoint (record page, 附件1). */
  public List<Proved> provedOf(String sessionCode) {
    Optional<Checkpoint> latest = latestCheckpoint();
    return leavesOf(sessionCode).stream().map(e -> new Proved(e, SealedFact.label(e.kind()),
        latest.filter(c -> c.size() > e.index()).map(c -> inclusion(e.index(), c)).orElse(null))).toList();
  }

  /** A session's sealed facts, in the order they were sealed. */
  public List<LogEntry> leavesOf(String sessionCode) {
    return repository.leavesOf(sessionCode);
  }

  /** The first checkpoint that includes this leaf, if one was signed since. */
  public Optional<Checkpoint> firstCheckpointIncluding(long leafIndex) {
    return repository.firstCheckpointIncluding(leafIndex);
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }

  /** {@code checkpoint-000000001024.txt}, written whole under a temporary name, then moved into place. */
  private void writeFile(Checkpoint checkpoint) {
    Path directory = Path.of(settings.checkpointDirectory());
    Path file = directory.resolve(fileName(checkpoint.size()));
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".checkpoint", ".tmp");
      Files.writeString(temporary, checkpoint.text(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The checkpoint is signed and stored; only its file is missing, and GET /api/transparency/checkpoint has it.
      log.error("无法写出检查点文件 {}：{}", file.toAbsolutePath(), new UncheckedIOException(e).getMessage());
    }
  }

  public static String fileName(long size) {
    return "checkpoint-%012d.txt".formatted(size);
  }
}
