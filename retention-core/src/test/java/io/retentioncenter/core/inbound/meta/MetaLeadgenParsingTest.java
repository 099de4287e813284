package io.retentioncenter.core.inbound.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaLeadgenParsingTest {
    private final MetaWebhooks meta = MetaWebhooks.builder().unsigned().build();

    private MetaLeadgenBatch parse(String json) {
        return meta.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static String notification(String... changeValues) {
        StringBuilder changes = new StringBuilder();
        for (String value : changeValues) {
            changes.append(changes.length() == 0 ? "" : ",").append("{'field':'leadgen','value':").append(value).append('}');
        }
        return "{'object':'page','entry':[{'id':'104857600123456','time':1763993400,'changes':[" + changes + "]}]}";
    }

    private static final String FIELD_DATA_VALUE = "{'leadgen_id':'1234567890123456','form_id':987654321098765,"
            + "'created_time':1763993395,'field_data':["
            + "{'name':'full_name','values':['María García']},"
            + "{'name':'email','values':['maria.garcia@example.com']},"
            + "{'name':'phone_number','values':['+14155550123']},"
            + "{'name':'sub_id','values':['3kq9v1h8f2a7c']},"
            + "{'name':'clickid','values':['fb.1.1763990000.AbCdEf']},"
            + "{'name':'city','values':['Austin']},"
            + "{'name':'interests','values':['sms','email']},"
            + "{'name':'unanswered'},"
            + "{'name':'empty','values':[]}]}";

    private static final String FLAT_VALUE = "{'leadgen_id':1234567890123456,'form_id':'987654321098765',"
            + "'created_time':'1763993395','full_name':'María García','email':'maria.garcia@example.com',"
            + "'phone_number':'+14155550123','sub_id':'3kq9v1h8f2a7c','clickid':'fb.1.1763990000.AbCdEf',"
            + "'city':'Austin','interests':'sms, email','unanswered':null,'empty':'  '}";

    @Test
    void fieldDataAndFlatShapesGiveTheSameLead() {
        MetaLeadgenBatch batch = parse(notification(FIELD_DATA_VALUE, FLAT_VALUE));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.items()).hasSize(2);
        NewLead fromFieldData = batch.items().get(0).lead().orElseThrow();
        NewLead fromFlat = batch.items().get(1).lead().orElseThrow();
        assertThat(fromFlat).isEqualTo(fromFieldData);

        assertThat(fromFieldData.source()).isEqualTo(LeadSource.META);
        assertThat(fromFieldData.fullName()).contains("María García");
        assertThat(fromFieldData.firstName()).isEmpty();
        assertThat(fromFieldData.email()).contains("maria.garcia@example.com");
        assertThat(fromFieldData.phone()).contains("+14155550123");
        assertThat(fromFieldData.subId()).contains("3kq9v1h8f2a7c");
        assertThat(fromFieldData.clickId()).contains("fb.1.1763990000.AbCdEf");
        assertThat(fromFieldData.attributes()).isEqualTo(Map.of(
                "city", "Austin",
                "interests", "sms, email",
                MetaLeadRef.LEADGEN_ID_ATTRIBUTE, "1234567890123456",
                MetaLeadRef.PAGE_ID_ATTRIBUTE, "104857600123456",
                MetaLeadRef.FORM_ID_ATTRIBUTE, "987654321098765",
                MetaLeadRef.CREATED_TIME_ATTRIBUTE, "2025-11-24T14:09:55Z"));
        assertThat(batch.items()).allSatisfy(item -> {
            assertThat(item.needsResolution()).isFalse();
            assertThat(item.dedupeKey()).contains("1234567890123456");
        });
    }

    @Test
    void standardKeysHaveFallbacks() {
        NewLead lead = parse(notification("{'first_name':'Ana','last_name':'Ruiz','work_email':'ana@corp.example',"
                + "'phone':'600 000 001','subid':'s-1','click_id':'c-1','external_id':'x-1'}"))
                .items().get(0).lead().orElseThrow();

        assertThat(lead.firstName()).contains("Ana");
        assertThat(lead.lastName()).contains("Ruiz");
        assertThat(lead.email()).contains("ana@corp.example");
        assertThat(lead.phone()).contains("600 000 001");
        assertThat(lead.subId()).contains("s-1");
        assertThat(lead.clickId()).contains("c-1");
        assertThat(lead.externalId()).contains("x-1");
        assertThat(lead.attributes()).containsOnlyKeys(MetaLeadRef.PAGE_ID_ATTRIBUTE);
    }

    @Test
    void whenBothEmailKeysArePresentWorkEmailStaysAnAttribute() {
        NewLead lead = parse(notification("{'email':'a@example.com','work_email':'b@corp.example'}"))
                .items().get(0).lead().orElseThrow();
        assertThat(lead.email()).contains("a@example.com");
        assertThat(lead.attributes()).containsEntry("work_email", "b@corp.example");
    }

    @Test
    void numericIdsKeepTheirExactDigits() {
        MetaLeadgenItem item = parse("{'object':'page','entry':[{'id':104857600123456,'changes':[{'field':'leadgen',"
                + "'value':{'leadgen_id':9007199254740993123,'ad_id':120210000000000001}}]}]}").items().get(0);

        assertThat(item.dedupeKey()).contains("9007199254740993123");
        assertThat(item.ref().adId()).contains("120210000000000001");
        assertThat(item.ref().pageId()).contains("104857600123456");
        assertThat(item.needsResolution()).isTrue();
    }

    @Test
    void badEntriesAndChangesAreReportedWithoutLosingTheOthers() {
        String body = "{'object':'page','entry':["
                + "{'id':'1','changes':["
                + "{'field':'leadgen','value':{'leadgen_id':'111'}},"
                + "{'field':'leadgen','value':42},"
                + "{'value':{'leadgen_id':'222'}},"
                + "{'field':'feed','value':{'item':'status'}},"
                + "{'field':'leadgen','value':{'email':{'x':1}}},"
                + "{'field':'leadgen','value':{'leadgen_id':'333','field_data':'email'}},"
                + "{'field':'leadgen','value':{'field_data':[{'values':['a']}]}},"
                + "{'field':'leadgen','value':{'field_data':[{'name':'email','values':'a@b.c'}]}},"
                + "{'field':'leadgen','value':{'field_data':[{'name':'email','values':[{'v':1}]}]}},"
                + "{'field':'leadgen','value':{'field_data':[7]}},"
                + "{'field':'leadgen','value':{'leadgen_id':'444','created_time':'yesterday'}},"
                + "{'field':'leadgen','value':{'page_id':'1','form_id':'2'}},"
                + "{'field':'leadgen','value':{'leadgen_id':['555']}},"
                + "'leadgen',"
                + "{'field':'leadgen','value':{'email':'ok@example.com'}}]},"
                + "12,"
                + "{'id':'2'},"
                + "{'id':'3','changes':{}},"
                + "{'id':{'nested':true},'changes':[]},"
                + "{'id':'4','changes':[{'field':'leadgen','value':{'leadgen_id':'666'}}]}]}";

        MetaLeadgenBatch batch = parse(body);

        assertThat(batch.items()).extracting(MetaLeadgenItem::path)
                .containsExactly("entry[0].changes[0]", "entry[0].changes[14]", "entry[5].changes[0]");
        assertThat(batch.items().get(0).dedupeKey()).contains("111");
        assertThat(batch.items().get(1).lead().flatMap(NewLead::email)).contains("ok@example.com");
        assertThat(batch.items().get(2).dedupeKey()).contains("666");
        assertThat(batch.ignoredChanges()).isEqualTo(1);
        assertThat(batch.errors()).extracting(MetaLeadgenError::field).containsExactly(
                "entry[0].changes[1].value",
                "entry[0].changes[2].field",
                "entry[0].changes[4].value.email",
                "entry[0].changes[5].value.field_data",
                "entry[0].changes[6].value.field_data[0].name",
                "entry[0].changes[7].value.field_data[0].values",
                "entry[0].changes[8].value.field_data[0].values[0]",
                "entry[0].changes[9].value.field_data[0]",
                "entry[0].changes[10].value.created_time",
                "entry[0].changes[11].value",
                "entry[0].changes[12].value.leadgen_id",
                "entry[0].changes[13]",
                "entry[1]",
                "entry[2].changes",
                "entry[3].changes",
                "entry[4].id");
        assertThat(batch.errors()).allSatisfy(e -> assertThat(e.message()).startsWith(e.field() + ": "));
    }

    @Test
    void idsOnlyValuesAreLeftForTheGraphApi() {
        MetaLeadgenItem item = parse(notification("{'leadgen_id':'42','page_id':'7','created_time':1763993395}")).items().get(0);
        assertThat(item.lead()).isEmpty();
        assertThat(item.ref().pageId()).contains("7");
        assertThat(item.ref().createdTime()).contains(Instant.ofEpochSecond(1763993395));
    }

    @Test
    void parsingIsPure() {
        byte[] body = MetaWebhooksTest.fixture("meta-leadgen-webhook.json");
        byte[] copy = body.clone();
        MetaLeadgenBatch first = meta.parse(body, Optional.empty());
        MetaLeadgenBatch second = meta.parse(body, Optional.empty());
        assertThat(second).isEqualTo(first);
        assertThat(body).isEqualTo(copy);
    }
}
