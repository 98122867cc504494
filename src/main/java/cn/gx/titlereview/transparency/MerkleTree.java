package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9162 §2.1 on a hash function: leaf hashes {@code H(0x00 ‖ leaf)}, node hashes {@code H(0x01 ‖ left ‖ right)},
 * the tree head, inclusion paths and consistency proofs, and their verification. Plain code without Spring or a
 * database: the server computes proofs from the stored perfect subtrees ({@link Node}), the offline verifier checks
 * them with nothing but the hashes.
 *
 * <p>Every subtree the RFC's recursions name, {@code D[a:b]}, starts at a multiple of a power of two at least as large
 * as it, so it splits into perfect, aligned subtrees (largest first); the server stores exactly those.
 */
public final class MerkleTree {

  private MerkleTree() {
  }

  /** A perfect subtree: {@code 2^level} leaves from {@code index * 2^level}. Level 0 is a leaf. */
  public record Node(int level, long index) {

    long from() {
      return index << level;
    }

    long to() {
      return (index + 1) << level;
    }
  }

  /** The perfect subtrees that make a tree of this size: the largest first. */
  public static List<Node> frontier(long size) {
    return size == 0 ? List.of() : new Range(0, size).parts();
  }

  /**
   * The perfect subtrees that appending these leaf hashes to a tree of {@code size} completes, leaves included,
   * given the old tree's {@link #frontier}: the left half of each new subtree is new or on that frontier.
   */
  public static Map<Node, byte[]> append(HashAlgorithm algorithm, long size, Map<Node, byte[]> frontier,
      List<byte[]> leafHashes) {
    Map<Node, byte[]> known = new HashMap<>(frontier);
    Map<Node, byte[]> added = new LinkedHashMap<>();
    long index = size;
    for (byte[] hash : leafHashes) {
      added.put(new Node(0, index), hash);
      known.put(new Node(0, index), hash);
      for (int level = 1; ((index + 1) & ((1L << level) - 1)) == 0; level++) {
        long parent = ((index + 1) >> level) - 1;
        byte[] up = nodeHash(algorithm, required(known, new Node(level - 1, parent * 2)),
            required(known, new Node(level - 1, parent * 2 + 1)));
        added.put(new Node(level, parent), up);
        known.put(new Node(level, parent), up);
      }
      index++;
    }
    return added;
  }

  /** The leaves {@code [from, to)}: one of the subtrees the RFC's recursions name. */
  record Range(long from, long to) {

    /** The perfect, aligned subtrees that make it, largest first. */
    List<Node> parts() {
      List<Node> parts = new ArrayList<>();
      long at = from;
      while (at < to) {
        int level = Long.numberOfTrailingZeros(at == 0 ? Long.highestOneBit(to) : at);
        while (at + (1L << level) > to) {
          level--;
        }
        parts.add(new Node(level, at >> level));
        at += 1L << level;
      }
      return parts;
    }

    /** MTH(D[from:to]) from its parts: the RFC's split at the largest power of two below its size, folded. */
    byte[] hash(HashAlgorithm algorithm, Map<Node, byte[]> nodes) {
      List<Node> parts = parts();
      byte[] hash = required(nodes, parts.get(parts.size() - 1));
      for (int i = parts.size() - 2; i >= 0; i--) {
        hash = nodeHash(algorithm, required(nodes, parts.get(i)), hash);
      }
      return hash;
    }
  }

  private static byte[] required(Map<Node, byte[]> nodes, Node node) {
    byte[] hash = nodes.get(node);
    if (hash == null) {
      throw new IllegalStateException("透明日志缺少节点 " + node + "：日志数据不完整");
    }
    return hash;
  }

  public static byte[] leafHash(HashAlgorithm algorithm, byte[] leaf) {
    return algorithm.hasher().update((byte) 0x00).update(leaf).finish();
  }

  public static byte[] nodeHash(HashAlgorithm algorithm, byte[] left, byte[] right) {
    return algorithm.hasher().update((byte) 0x01).update(left).update(right).finish();
  }

  /** The largest power of two strictly less than {@code n} (n &gt; 1). */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** The ranges whose hashes make the audit path of leaf {@code m} in a tree of {@code n} leaves, leaf upwards. */
  static List<Range> inclusionRanges(long m, long n) {
    if (m < 0 || m >= n) {
      throw new IllegalArgumentException("叶子序号 " + m + " 不在 0 至 " + (n - 1) + " 之间");
    }
    List<Range> path = new ArrayList<>();
    long lo = 0;
    long hi = n;
    List<Range> upwards = new ArrayList<>();
    while (hi - lo > 1) {
      long k = split(hi - lo);
      if (m < lo + k) {
        upwards.add(new Range(lo + k, hi));
        hi = lo + k;
      } else {
        upwards.add(new Range(lo, lo + k));
        lo = lo + k;
      }
    }
    for (int i = upwards.size() - 1; i >= 0; i--) {
      path.add(upwards.get(i));
    }
    return path;
  }

  /** The ranges whose hashes make the consistency proof from size {@code m} to size {@code n} (RFC 9162 §2.1.4.1). */
  static List<Range> consistencyRanges(long m, long n) {
    if (m < 0 || m > n) {
      throw new IllegalArgumentException("旧树大小 " + m + " 应在 0 至 " + n + " 之间");
    }
    List<Range> proof = new ArrayList<>();
    if (m == 0 || m == n) {
      return proof;
    }
    subproof(m, 0, n, true, proof);
    return proof;
  }

  private static void subproof(long m, long lo, long hi, boolean whole, List<Range> proof) {
    long n = hi - lo;
    if (m == n) {
      if (!whole) {
        proof.add(new Range(lo, hi));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      subproof(m, lo, lo + k, whole, proof);
      proof.add(new Range(lo + k, hi));
    } else {
      subproof(m - k, lo + k, hi, false, proof);
      proof.add(new Range(lo, lo + k));
    }
  }

  /** Every perfect subtree these ranges need. */
  static Set<Node> nodesOf(Collection<Range> ranges) {
    Set<Node> nodes = new LinkedHashSet<>();
    ranges.forEach(r -> nodes.addAll(r.parts()));
    return nodes;
  }

  /** RFC 9162 §2.1.3.2: the root an inclusion path leads to, or null when the path cannot fit this tree. */
  public static byte[] rootFromInclusion(HashAlgorithm algorithm, long leafIndex, long treeSize, byte[] leafHash,
      List<byte[]> path) {
    if (leafIndex < 0 || leafIndex >= treeSize) {
      return null;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return null;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(algorithm, p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(algorithm, r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 ? r : null;
  }

  /** RFC 9162 §2.1.4.2: whether a consistency proof shows the tree of {@code second} leaves extends the first. */
  public static boolean verifyConsistency(HashAlgorithm algorithm, long first, long second, byte[] firstHash,
      byte[] secondHash, List<byte[]> proof) {
    if (first < 0 || first > second) {
      return false;
    }
    if (first == second) {
      return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
    }
    if (first == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(first) == 1) {
      path.add(0, firstHash);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(algorithm, c, fr);
        sr = nodeHash(algorithm, c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = nodeHash(algorithm, sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
  }
}
