package org.riskbudget.platform.storage;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transaction manager, declared with the data source rather than left to auto-configuration, which would run
 * after frameworks (Axon among them) that must wrap their work in it.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }
}
