package cn.gx.titlereview.transparency;

import cn.gx.titlereview.platform.BulkInsert;
import cn.gx.titlereview.transparency.MerkleTree.Node;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log's tables: leaves, perfect subtrees, its size and its checkpoints. */
@Repository
class LogRepository {

  private static final HexFormat HEX = HexFormat.of();
  /** Nodes asked for in one statement: a proof at a million leaves needs about 40. */
  private static final int NODES_PER_QUERY = 200;

  private final JdbcClient jdbc;
  private final BulkInsert bulk;

  LogRepository(JdbcClient jdbc, BulkInsert bulk) {
    this.jdbc = jdbc;
    this.bulk = bulk;
  }

  /** The log's size, its row locked until the transaction ends. */
  long lockSize() {
    return jdbc.sql("select tree_size from transparency_head where id = 1 for update").query(Long.class).single();
  }

  long size() {
    return jdbc.sql("select tree_size from transparency_head where id = 1").query(Long.class).single();
  }

  void setSize(long size) {
    jdbc.sql("update transparency_head set tree_size = ? where id = 1").param(size).update();
  }

  void insertLeaves(List<Object[]> rows) {
    bulk.insert("transparency_leaf", List.of("leaf_index", "kind", "session_code", "sealed_at", "leaf", "leaf_hash"),
        rows);
  }

  void insertNodes(Map<Node, byte[]> nodes) {
    bulk.insert("transparency_node", List.of("level", "node_index", "hash"), nodes.entrySet().stream()
        .map(e -> new Object[] {e.getKey().level(), e.getKey().index(), HEX.formatHex(e.getValue())}).toList());
  }

  static String timestamp(Instant at) {
    return Timestamp.from(at).toString();
  }

  /** These perfect subtrees' hashes; one missing is left out. */
  Map<Node, byte[]> nodes(Collection<Node> wanted) {
    Map<Node, byte[]> found = new HashMap<>();
    List<Node> all = List.copyOf(wanted);
    for (int from = 0; from < all.size(); from += NODES_PER_QUERY) {
      List<Node> chunk = all.subList(from, Math.min(all.size(), from + NODES_PER_QUERY));
      String where = chunk.stream().map(n -> "(level = ? and node_index = ?)").collect(Collectors.joining(" or "));
      Object[] params = chunk.stream().flatMap(n -> java.util.stream.Stream.of(n.level(), n.index())).toArray();
      jdbc.sql("select level, node_index, hash from transparency_node where " + where).params(params)
          .query((rs, n) -> found.put(new Node(rs.getInt("level"), rs.getLong("node_index")),
              HEX.parseHex(rs.getString("hash")))).list();
    }
    return found;
  }

  List<LogEntry> leavesOf(String sessionCode) {
    return jdbc.sql("""
            select leaf_index, kind, session_code, sealed_at, leaf, leaf_hash from transparency_leaf
            where session_code = ? order by leaf_index""")
        .param(sessionCode).query(LogRepository::leaf).list();
  }

  Optional<LogEntry> leaf(long index) {
    return jdbc.sql("select leaf_index, kind, session_code, sealed_at, leaf, leaf_hash from transparency_leaf"
        + " where leaf_index = ?").param(index).query(LogRepository::leaf).optional();
  }

  private static LogEntry leaf(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new LogEntry(rs.getLong("leaf_index"), rs.getString("kind"), rs.getString("session_code"),
        rs.getTimestamp("sealed_at").toInstant(), rs.getString("leaf"), rs.getString("leaf_hash"));
  }

  void insertCheckpoint(Checkpoint checkpoint) {
    jdbc.sql("insert into transparency_checkpoint (tree_size, root_hash, signed_at, text) values (?, ?, ?, ?)")
        .params(checkpoint.size(), checkpoint.rootHash(), Timestamp.from(checkpoint.time()), checkpoint.text())
        .update();
  }

  Optional<Checkpoint> latestCheckpoint() {
    return jdbc.sql("select text from transparency_checkpoint order by tree_size desc limit 1").query(String.class)
        .optional().map(Checkpoint::parse);
  }

  Optional<Checkpoint> checkpoint(long size) {
    return jdbc.sql("select text from transparency_checkpoint where tree_size = ?").param(size).query(String.class)
        .optional().map(Checkpoint::parse);
  }

  /** The first checkpoint that includes this leaf, if one was signed since. */
  Optional<Checkpoint> firstCheckpointIncluding(long leafIndex) {
    return jdbc.sql("select text from transparency_checkpoint where tree_size > ? order by tree_size limit 1")
        .param(leafIndex).query(String.class).optional().map(Checkpoint::parse);
  }
}
