package io.leadhouse.metaads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadhouse.lead.IncomingLead;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetaLeadMapperTest {

    @Test
    void fullLeadFillsStandardFieldsAndKeepsEveryAnswerInOrder() {
        IncomingLead lead = map("meta/lead_full.json", "880012345678901");
        assertEquals(Optional.of("meta:880012345678901"), lead.externalKey());
        assertEquals(List.of("Meera Kulkarni", "meera.kulkarni@example.in", "+919812345678", "Pune",
                "Kulkarni Textiles"), List.of(lead.name(), lead.email(), lead.phoneRaw(), lead.city(), lead.company()));
        assertEquals(List.of("full_name", "email", "phone_number", "city", "company_name",
                "which_services_interest_you?", "preferred_call_time"),
                lead.answers().stream().map(answer -> answer.question()).toList());
    }

    @Test
    void firstAndLastNameMakeTheNameWhenThereIsNoFullName() {
        assertEquals("Ravi Shankar", map("meta/lead_odd.json", "880012345678902").name());
    }

    @Test
    void leadWithoutEmailHasAnEmptyEmailAndItsRawPhone() {
        IncomingLead lead = map("meta/lead_odd.json", "880012345678902");
        assertEquals(List.of("", "98765 43210"), List.of(lead.email(), lead.phoneRaw()));
    }

    @Test
    void testingToolLeadIsMarkedAndKeepsItsDummyValues() {
        IncomingLead lead = map("meta/lead_test_tool.json", "880012345678909");
        assertEquals("true", lead.sourceDetail().get("testLead"));
        assertEquals("test@meta.com", lead.email());
        assertEquals("<test lead: dummy data for phone_number>", lead.phoneRaw());
    }

    @Test
    void createdTimeBecomesIsoInstant() {
        IncomingLead lead = map("meta/lead_full.json", "880012345678901");
        assertEquals("2026-11-20T10:15:30Z", lead.sourceDetail().get("createdTime"));
    }

    @Test
    void webhookCreatedTimeIsUsedWhenGraphSendsNone() {
        GraphLead lead = new GraphLead("1", "", "", "", "", "", "", "", "", "", "", List.of());
        LeadgenChange change = new LeadgenChange("1", "2", "3", "", "", "1795000000");
        IncomingLead mapped = MetaLeadMapper.map(lead,
                new MetaLeadMapper.Origin("1", "2", "3", 9, Optional.of(change)));
        assertEquals("2026-11-18T11:06:40Z", mapped.sourceDetail().get("createdTime"));
    }

    @Test
    void overlongNameIsCutWithoutSplittingAnEmoji() {
        String name = "a".repeat(299) + "\uD83D\uDE80";
        GraphLead lead = new GraphLead("1", "", "", "", "", "", "", "", "", "", "",
                List.of(new GraphLead.Field("full_name", List.of(name))));
        IncomingLead mapped = MetaLeadMapper.map(lead, new MetaLeadMapper.Origin("1", "2", "3", 9, Optional.empty()));
        assertEquals("a".repeat(299), mapped.name());
    }

    @Test
    void createdEpochSecondReadsGraphTimeWithOffsetWithoutColon() {
        GraphLead lead = GraphLead.read(MetaJson.parse(MetaTestKit.resource("meta/lead_full.json")).orElseThrow());
        assertEquals(OptionalLong.of(1_795_169_730L), MetaLeadMapper.createdEpochSecond(lead));
    }

    private static IncomingLead map(String resource, String leadgenId) {
        GraphLead lead = GraphLead.read(MetaJson.parse(MetaTestKit.resource(resource)).orElseThrow());
        return MetaLeadMapper.map(lead, new MetaLeadMapper.Origin(
                leadgenId, MetaTestKit.PAGE_ID, MetaTestKit.FORM_ID, 7, Optional.empty()));
    }
}
