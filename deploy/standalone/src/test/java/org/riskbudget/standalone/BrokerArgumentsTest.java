package org.riskbudget.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerArgumentsTest {

    @Test
    void defaultsToDataKafkaOnPort9092() {
        BrokerArguments arguments = BrokerArguments.parse(new String[0], new Properties());
        assertThat(arguments).isEqualTo(new BrokerArguments(Path.of("./data/kafka"), 9092));
    }

    @Test
    void argumentsWinOverSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty(BrokerArguments.DIRECTORY_PROPERTY, "/from/property");
        properties.setProperty(BrokerArguments.PORT_PROPERTY, "19092");

        assertThat(BrokerArguments.parse(new String[0], properties))
                .isEqualTo(new BrokerArguments(Path.of("/from/property"), 19092));
        assertThat(BrokerArguments.parse(new String[] {"/from/args", "29092"}, properties))
                .isEqualTo(new BrokerArguments(Path.of("/from/args"), 29092));
    }

    @Test
    void rejectsBadPorts() {
        assertThatThrownBy(() -> BrokerArguments.parse(new String[] {"dir", "nine"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerArguments.parse(new String[] {"dir", "70000"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
