package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NUL characters, control characters and oversized inputs give the same result on memory, H2 and
 * PostgreSQL: refused with a typed exception and nothing stored, or stored in the same cleaned form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideTextOnEveryStoreTest {
    private TestDatabase h2;
    private TestDatabase postgres;

    @BeforeAll
    void open() {
        h2 = TestDatabase.h2();
        postgres = TestDatabase.postgres();
    }

    @AfterAll
    void close() {
        if (h2 != null) {
            h2.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    Stream<Arguments> stores() {
        return Stream.of(Arguments.of("memory"), Arguments.of("h2"), Arguments.of("postgresql"));
    }

    private RetentionStore store(String kind) {
        return switch (kind) {
            case "memory" -> new InMemoryRetentionStore();
            case "h2" -> h2.emptyStore();
            default -> postgres.emptyStore();
        };
    }

    private static RetentionEngine engine(RetentionStore store) {
        return RetentionEngine.builder().store(store).clock(MutableClock.at("2026-01-05T10:00:00Z"))
                .keitaro(KeitaroPostbackParser.builder().sharedSecret("pb-secret").build()).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aNulIsRefusedNamingTheFieldAndNothingIsStored(String kind) {
        RetentionStore store = store(kind);
        RetentionEngine engine = engine(store);

        assertThatThrownBy(() -> engine.leads().ingest(NewLead.builder(LeadSource.API).email("ana@example.com")
                .firstName("An\u0000a").build())).isInstanceOf(ValidationException.class).hasMessageContaining("firstName");
        assertThatThrownBy(() -> engine.leads().ingest(NewLead.builder(LeadSource.API).email("ana@example.com")
                .attribute("city", "Ma\u0000drid").build())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("attributes.city");
        assertThatThrownBy(() -> engine.inbound().keitaro(Map.of("sub_id", "abc\u0000", "status", "sale",
                "secret", "pb-secret"), Optional.empty())).isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("sub_id");

        assertThat(store.listLeads(PageRequest.first(10)).total()).isZero();
        assertThat(store.listUnmatchedPostbacks(PageRequest.first(10)).total()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void controlCharactersAndOversizedAttributesAreStoredInTheSameCleanedForm(String kind) {
        RetentionStore store = store(kind);
        RetentionEngine engine = engine(store);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            attributes.put(String.format("q%03d", i), "answer\r\nline two\u0007 " + i);
        }
        attributes.put("k".repeat(5_000), "dropped: name too long");
        attributes.put("essay", "x".repeat(10_000));

        NewLead.Builder lead = NewLead.builder(LeadSource.META).email(" Ana@Example.com ")
                .firstName("Ana\r\nBcc: evil@example.com").lastName("\tGarcía ");
        attributes.forEach(lead::attribute);
        Lead stored = engine.leads().ingest(lead.build()).lead();

        Lead read = store.findLead(stored.id()).orElseThrow();
        assertThat(read.firstName()).contains("Ana  Bcc: evil@example.com");
        assertThat(read.lastName()).contains("García");
        assertThat(read.email()).contains("ana@example.com");
        assertThat(read.attributes()).hasSize(LeadNormalizer.MAX_ATTRIBUTES)
                .containsEntry("essay", "x".repeat(500))
                .containsEntry("q000", "answer\nline two 0")
                .doesNotContainKey("k".repeat(5_000));
        assertThat(read.attributes().keySet()).allMatch(k -> k.length() <= LeadNormalizer.MAX_ATTRIBUTE_NAME);
        assertThat(read).isEqualTo(stored);
        assertThat(List.of(read.firstName().orElseThrow())).noneMatch(n -> n.contains("\n"));
    }
}
