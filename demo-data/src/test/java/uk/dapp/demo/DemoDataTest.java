package uk.dapp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoDataTest {

    @Test
    void optionsAreNameEqualsValue() {
        assertThat(DemoData.options("--cases=30", "--seed=7", "--gateway=http://h:1"))
                .containsEntry("cases", "30")
                .containsEntry("seed", "7")
                .containsEntry("gateway", "http://h:1");
        assertThatThrownBy(() -> DemoData.options("--cases")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoData.run("--cases=0")).isInstanceOf(IllegalArgumentException.class);
    }
}
