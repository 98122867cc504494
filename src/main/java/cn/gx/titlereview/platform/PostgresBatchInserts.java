package cn.gx.titlereview.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a JDBC batch of inserts (a roster of 100,000 experts, the draw, readers) is sent as multi-row
 * inserts ({@code reWriteBatchedInserts}). The engine does not read the row counts of its inserts (CAM-10990), and
 * our batches do not either. Set here rather than in the URL, so that an operator's {@code DB_URL} needs nothing.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      pool.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return bean;
  }
}
