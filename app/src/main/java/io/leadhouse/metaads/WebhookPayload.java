package io.leadhouse.metaads;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook delivery as Meta sends it: {@code {"object":"page","entry":[{"id","time","changes":[
 * {"field":"leadgen","value":{...}}]}]}}. One delivery may carry several entries and changes, and
 * the same lead more than once.
 *
 * @param object what the delivery is about; only {@code page} carries leads
 * @param changes the distinct leadgen changes, in delivery order
 */
record WebhookPayload(String object, List<LeadgenChange> changes) {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookPayload.class);
    private static final String PAGE = "page";

    /** Whether the delivery is about pages; other objects carry no leads. */
    boolean isPage() {
        return PAGE.equals(object);
    }

    /** Reads the changes of {@code root}; changes without a value or a leadgen id are skipped. */
    static WebhookPayload read(JsonNode root, long deliveryId) {
        Map<String, LeadgenChange> changes = new LinkedHashMap<>();
        for (JsonNode entry : elements(root.get("entry"))) {
            String entryId = MetaJson.text(entry, "id");
            for (JsonNode change : elements(entry.get("changes"))) {
                if (!"leadgen".equals(MetaJson.text(change, "field"))) {
                    LOG.debug("delivery={} skipped a change of field '{}'", deliveryId, printable(change, "field"));
                    continue;
                }
                JsonNode value = change.get("value");
                String leadgenId = MetaJson.text(value, "leadgen_id");
                if (value == null || !value.isObject() || leadgenId.isEmpty()) {
                    LOG.debug("delivery={} skipped a leadgen change without a value or leadgen_id", deliveryId);
                    continue;
                }
                String pageId = MetaJson.text(value, "page_id");
                changes.putIfAbsent(leadgenId, new LeadgenChange(leadgenId, pageId.isEmpty() ? entryId : pageId,
                        MetaJson.text(value, "form_id"), noZero(MetaJson.text(value, "ad_id")),
                        noZero(MetaJson.text(value, "adgroup_id")), MetaJson.text(value, "created_time")));
            }
        }
        return new WebhookPayload(MetaJson.text(root, "object"), List.copyOf(changes.values()));
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(nodes::add);
        }
        return nodes;
    }

    // Legacy and testing-tool payloads send 0 for "no ad".
    private static String noZero(String id) {
        return "0".equals(id) ? "" : id;
    }

    private static String printable(JsonNode node, String field) {
        String text = MetaJson.text(node, field);
        String cut = text.length() > 40 ? text.substring(0, 40) : text;
        return cut.replaceAll("\\p{Cntrl}", "_");
    }
}
