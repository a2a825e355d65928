package io.leadhouse.metaads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A lead as the Graph API returns it ({@code GET /{leadgen-id}} or an item of {@code /{form-id}/leads}).
 * Every value is text; empty when Graph left it out.
 *
 * @param id the lead's id
 * @param createdTime when the person submitted, as Graph writes it ({@code 2016-06-22T09:29:50+0000})
 * @param formId the form
 * @param adId the ad, empty for organic leads
 * @param adName the ad's name
 * @param adsetId the ad set
 * @param adsetName the ad set's name
 * @param campaignId the campaign
 * @param campaignName the campaign's name
 * @param platform {@code fb} or {@code ig}
 * @param isOrganic {@code true}, {@code false} or empty
 * @param fields the answers, in form order
 */
public record GraphLead(
        String id,
        String createdTime,
        String formId,
        String adId,
        String adName,
        String adsetId,
        String adsetName,
        String campaignId,
        String campaignName,
        String platform,
        String isOrganic,
        List<Field> fields) {

    /**
     * One question of the form and the person's answer.
     *
     * @param name the question key, such as {@code email} or a slug of a custom question
     * @param values the answers; several for multiple choice, possibly none
     */
    public record Field(String name, List<String> values) {}

    /** Reads a lead object; missing parts become empty. */
    static GraphLead read(JsonNode lead) {
        List<Field> fields = new ArrayList<>();
        JsonNode data = lead.get("field_data");
        if (data != null && data.isArray()) {
            for (JsonNode field : data) {
                List<String> values = new ArrayList<>();
                JsonNode given = field.get("values");
                if (given != null && given.isArray()) {
                    given.forEach(value -> values.add(valueText(value)));
                }
                fields.add(new Field(MetaJson.text(field, "name"), List.copyOf(values)));
            }
        }
        return new GraphLead(MetaJson.text(lead, "id"), MetaJson.text(lead, "created_time"),
                MetaJson.text(lead, "form_id"), MetaJson.text(lead, "ad_id"), MetaJson.text(lead, "ad_name"),
                MetaJson.text(lead, "adset_id"), MetaJson.text(lead, "adset_name"), MetaJson.text(lead, "campaign_id"),
                MetaJson.text(lead, "campaign_name"), MetaJson.text(lead, "platform"),
                MetaJson.text(lead, "is_organic"), List.copyOf(fields));
    }

    private static String valueText(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
