package cn.gx.titlereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 无记名投票: no table that holds votes names an expert (the engine's history is checked by WholeSessionH2Test). */
@IntegrationTest
class SecretBallotTest {

  @Autowired JdbcClient jdbc;

  @Test
  void noTableHoldingVotesNamesAnExpert() {
    List<String> voteTables = jdbc.sql("""
            select distinct lower(table_name) from information_schema.columns
            where lower(column_name) like '%vote%' and lower(table_schema) = 'public'""")
        .query(String.class).list();
    assertThat(voteTables).containsExactlyInAnyOrder("vote_result", "vote_amendment",
        "inspection_correction");
    for (String table : voteTables) {
      List<String> columns = jdbc.sql("""
              select lower(column_name) from information_schema.columns
              where lower(table_name) = ? and lower(table_schema) = 'public'""")
          .param(table).query(String.class).list();
      assertThat(columns).as(table).noneMatch(c -> c.contains("expert"));
    }
  }
}
