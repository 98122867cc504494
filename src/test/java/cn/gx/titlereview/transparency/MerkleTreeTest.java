package cn.gx.titlereview.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.crypto.HashAlgorithm;
import cn.gx.titlereview.transparency.MerkleTree.Node;
import cn.gx.titlereview.transparency.MerkleTree.Range;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 §2.1 as the log computes it: first against the reference cases of RFC 6962's implementation for SHA-256
 * (the eight leaves "", 00, 10, 2021 … and their published roots and proofs), then SM3 trees of random sizes up to
 * 10,000 leaves against the RFC's recursive definition, every proof checked by the RFC's verification algorithms.
 */
class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final HashAlgorithm SHA256 = HashAlgorithm.SHA256;
  private static final HashAlgorithm SM3 = HashAlgorithm.SM3;

  /** The leaf inputs of certificate-transparency's test data (testonly/constants.go). */
  static final List<byte[]> LEAVES = Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
      "606162636465666768696a6b6c6d6e6f").map(HEX::parseHex).toList();

  /** MTH of the first n leaves, n = 1..8. */
  static final List<String> ROOTS = List.of(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void theRootsOfTheReferenceTreesOfOneToEightLeavesAreThePublishedOnes() {
    assertThat(HEX.formatHex(new Tree(SHA256, List.of()).root(0)))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (int n = 1; n <= 8; n++) {
      Tree tree = new Tree(SHA256, LEAVES.subList(0, n));
      assertThat(HEX.formatHex(tree.root(n))).as("root of %d leaves", n).isEqualTo(ROOTS.get(n - 1));
      // Appended one at a time, the stored subtrees give the same roots.
      assertThat(HEX.formatHex(Tree.appendedOneByOne(SHA256, LEAVES.subList(0, n)).root(n))).isEqualTo(ROOTS.get(n - 1));
    }
  }

  @Test
  void theInclusionProofsOfTheReferenceTreeAreThePublishedOnes() {
    Tree tree = new Tree(SHA256, LEAVES);
    assertThat(tree.inclusion(0, 8)).containsExactly(
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(tree.inclusion(5, 8)).containsExactly(
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(tree.inclusion(0, 1)).isEmpty();
    for (int n = 1; n <= 8; n++) {
      for (int m = 0; m < n; m++) {
        byte[] root = MerkleTree.rootFromInclusion(SHA256, m, n, tree.leafHash(m), tree.inclusionBytes(m, n));
        assertThat(HEX.formatHex(root)).as("leaf %d of %d", m, n).isEqualTo(ROOTS.get(n - 1));
      }
    }
  }

  @Test
  void theConsistencyProofsOfTheReferenceTreeAreThePublishedOnesAndTheClassicSevenToEight() {
    Tree tree = new Tree(SHA256, LEAVES);
    assertThat(tree.consistency(1, 1)).isEmpty();
    assertThat(tree.consistency(1, 8)).containsExactly(
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(tree.consistency(6, 8)).containsExactly(
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(tree.consistency(2, 5)).containsExactly(
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    // 7 → 8: leaf 6 and leaf 7, then MTH(D[4:6]) and MTH(D[0:4]) (RFC 9162 §2.1.5's example shape).
    assertThat(tree.consistency(7, 8)).containsExactly(HEX.formatHex(tree.leafHash(6)),
        HEX.formatHex(tree.leafHash(7)), "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    for (int n = 1; n <= 8; n++) {
      for (int m = 1; m <= n; m++) {
        assertThat(MerkleTree.verifyConsistency(SHA256, m, n, HEX.parseHex(ROOTS.get(m - 1)),
            HEX.parseHex(ROOTS.get(n - 1)), tree.consistencyBytes(m, n))).as("%d → %d", m, n).isTrue();
      }
    }
  }

  /**
   * Random SM3 trees up to 10,000 leaves, built by appending in random batches as the log does: every root is the
   * RFC's recursive MTH, and sampled inclusion and consistency proofs verify.
   */
  @Test
  void randomSm3TreesUpToTenThousandLeavesAgreeWithTheRfcsDefinitionAndTheirProofsVerify() {
    Random random = new Random(9162);
    List<byte[]> leaves = IntStream.range(0, 10_000).mapToObj(i -> ("leaf " + i + " " + random.nextInt())
        .getBytes(StandardCharsets.UTF_8)).toList();
    Tree tree = Tree.appendedInBatches(SM3, leaves, random);
    List<Integer> sizes = new ArrayList<>(List.of(1, 2, 3, 7, 8, 9, 1023, 1024, 1025, 4096, 9999, 10_000));
    IntStream.range(0, 20).forEach(i -> sizes.add(1 + random.nextInt(10_000)));
    for (int n : sizes) {
      byte[] root = tree.root(n);
      assertThat(root).as("root of %d", n).isEqualTo(Tree.mth(SM3, tree.leafHashes.subList(0, n)));
      for (int k = 0; k < 5; k++) {
        int m = random.nextInt(n);
        assertThat(MerkleTree.rootFromInclusion(SM3, m, n, tree.leafHash(m), tree.inclusionBytes(m, n)))
            .as("leaf %d of %d", m, n).isEqualTo(root);
        int older = 1 + random.nextInt(n);
        assertThat(MerkleTree.verifyConsistency(SM3, older, n, tree.root(older), root, tree.consistencyBytes(older, n)))
            .as("%d → %d", older, n).isTrue();
      }
    }
  }

  /** A leaf rewritten in the old part of the log, or a log cut short, fails consistency with an older checkpoint. */
  @Test
  void aRewrittenLeafOrATruncatedLogFailsConsistencyWithAnOlderCheckpoint() {
    Random random = new Random(6962);
    List<byte[]> leaves = IntStream.range(0, 1000).mapToObj(i -> ("fact " + i).getBytes(StandardCharsets.UTF_8))
        .toList();
    Tree honest = new Tree(SM3, leaves);
    byte[] checkpoint = honest.root(600);
    for (int rewritten : new int[] {0, 1, 299, 599}) {
      List<byte[]> forged = new ArrayList<>(leaves);
      forged.set(rewritten, "forged".getBytes(StandardCharsets.UTF_8));
      Tree fork = new Tree(SM3, forged);
      assertThat(MerkleTree.verifyConsistency(SM3, 600, 1000, checkpoint, fork.root(1000), fork.consistencyBytes(600,
          1000))).as("leaf %d rewritten", rewritten).isFalse();
      // Nor does the honest proof make the forged root look consistent.
      assertThat(MerkleTree.verifyConsistency(SM3, 600, 1000, checkpoint, fork.root(1000),
          honest.consistencyBytes(600, 1000))).isFalse();
    }
    // Truncated to 500 and regrown to 1000 with other leaves: the 600-leaf checkpoint is not its prefix.
    List<byte[]> regrown = new ArrayList<>(leaves.subList(0, 500));
    IntStream.range(0, 500).forEach(i -> regrown.add(("other " + i).getBytes(StandardCharsets.UTF_8)));
    Tree truncated = new Tree(SM3, regrown);
    assertThat(MerkleTree.verifyConsistency(SM3, 600, 1000, checkpoint, truncated.root(1000),
        truncated.consistencyBytes(600, 1000))).isFalse();
    // A log smaller than the checkpoint has no consistency proof at all.
    assertThat(MerkleTree.verifyConsistency(SM3, 600, 500, checkpoint, truncated.root(500), List.of())).isFalse();
    // A proof with one hash flipped fails; the intact one holds.
    List<byte[]> proof = honest.consistencyBytes(600, 1000);
    assertThat(MerkleTree.verifyConsistency(SM3, 600, 1000, checkpoint, honest.root(1000), proof)).isTrue();
    for (int i = 0; i < proof.size(); i++) {
      List<byte[]> withFlip = new ArrayList<>(proof);
      byte[] flipped = proof.get(i).clone();
      flipped[random.nextInt(flipped.length)] ^= 1;
      withFlip.set(i, flipped);
      assertThat(MerkleTree.verifyConsistency(SM3, 600, 1000, checkpoint, honest.root(1000), withFlip))
          .as("hash %d flipped", i).isFalse();
    }
  }

  /** A tree's stored subtrees, as the log keeps them, and the proofs computed from them. */
  static final class Tree {
    final HashAlgorithm algorithm;
    final List<byte[]> leafHashes;
    final Map<Node, byte[]> nodes;

    Tree(HashAlgorithm algorithm, List<byte[]> leaves) {
      this(algorithm, leaves.stream().map(l -> MerkleTree.leafHash(algorithm, l)).toList(),
          MerkleTree.append(algorithm, 0, Map.of(), leaves.stream().map(l -> MerkleTree.leafHash(algorithm, l))
              .toList()));
    }

    private Tree(HashAlgorithm algorithm, List<byte[]> leafHashes, Map<Node, byte[]> nodes) {
      this.algorithm = algorithm;
      this.leafHashes = leafHashes;
      this.nodes = nodes;
    }

    static Tree appendedOneByOne(HashAlgorithm algorithm, List<byte[]> leaves) {
      return appendedInBatches(algorithm, leaves, null);
    }

    /** Appended in batches of random sizes (one by one without a random source), each from the frontier alone. */
    static Tree appendedInBatches(HashAlgorithm algorithm, List<byte[]> leaves, Random random) {
      List<byte[]> hashes = leaves.stream().map(l -> MerkleTree.leafHash(algorithm, l)).toList();
      Map<Node, byte[]> nodes = new java.util.HashMap<>();
      int size = 0;
      while (size < hashes.size()) {
        int batch = random == null ? 1 : Math.min(hashes.size() - size, 1 + random.nextInt(700));
        Map<Node, byte[]> frontier = new java.util.HashMap<>();
        for (Node node : MerkleTree.frontier(size)) {
          frontier.put(node, nodes.get(node));
        }
        nodes.putAll(MerkleTree.append(algorithm, size, frontier, hashes.subList(size, size + batch)));
        size += batch;
      }
      return new Tree(algorithm, hashes, nodes);
    }

    byte[] leafHash(int index) {
      return leafHashes.get(index);
    }

    byte[] root(long size) {
      return size == 0 ? algorithm.digest(new byte[0]) : new Range(0, size).hash(algorithm, nodes);
    }

    List<byte[]> inclusionBytes(long m, long n) {
      return MerkleTree.inclusionRanges(m, n).stream().map(r -> r.hash(algorithm, nodes)).toList();
    }

    List<String> inclusion(long m, long n) {
      return inclusionBytes(m, n).stream().map(HEX::formatHex).toList();
    }

    List<byte[]> consistencyBytes(long m, long n) {
      return MerkleTree.consistencyRanges(m, n).stream().map(r -> r.hash(algorithm, nodes)).toList();
    }

    List<String> consistency(long m, long n) {
      return consistencyBytes(m, n).stream().map(HEX::formatHex).toList();
    }

    /** RFC 9162 §2.1.1, word for word: MTH(D[n]) = HASH(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
    static byte[] mth(HashAlgorithm algorithm, List<byte[]> leafHashes) {
      int n = leafHashes.size();
      if (n == 1) {
        return leafHashes.get(0);
      }
      int k = Integer.highestOneBit(n - 1);
      return MerkleTree.nodeHash(algorithm, mth(algorithm, leafHashes.subList(0, k)),
          mth(algorithm, leafHashes.subList(k, n)));
    }
  }
}
