package io.leadhouse.search;

import io.leadhouse.lead.Lead;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;

/**
 * The index fields of a lead and how a lead becomes a document. Only the lead id is stored: the
 * search answers with the lead as the database holds it, so the index never serves stale text.
 * Stateless.
 */
final class LeadDocuments {
    /** The unique key of a lead's document; also stored, to read hits back. */
    static final String ID = "lead_id";
    /** The lead id as doc values, to break ties between equal scores newest first. */
    static final String ORDER = "lead_order";
    /** The organization; every query filters on it. */
    static final String ORG = "org_id";
    /** The name, as words. */
    static final String NAME = "name";
    /** Company, city, email, phone as typed and form answers, as words. */
    static final String TEXT = "text";
    /** The whole email, lower-cased. */
    static final String EMAIL = "email";
    /** The email's domain, lower-cased. */
    static final String EMAIL_DOMAIN = "email_domain";
    /** Digit suffixes of the phone numbers, see {@link PhoneDigits}. */
    static final String PHONE = "phone";

    private LeadDocuments() {}

    /** The term that identifies the lead's document. */
    static Term idTerm(long leadId) {
        return new Term(ID, Long.toString(leadId));
    }

    /** The term every query of {@code orgId} is filtered on. */
    static Term orgTerm(long orgId) {
        return new Term(ORG, Long.toString(orgId));
    }

    /** The document of {@code lead}. */
    static Document of(Lead lead) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(lead.id()), Field.Store.YES));
        document.add(new NumericDocValuesField(ORDER, lead.id()));
        document.add(new StringField(ORG, Long.toString(lead.orgId()), Field.Store.NO));
        addText(document, NAME, lead.name());
        for (String text : new String[] {lead.company(), lead.city(), lead.email(), lead.phoneRaw()}) {
            addText(document, TEXT, text);
        }
        for (Lead.Answer answer : lead.answers()) {
            addText(document, TEXT, answer.answer());
        }
        addEmail(document, lead.email());
        for (String digits : PhoneDigits.indexTerms(lead.phone(), lead.phoneRaw())) {
            document.add(new StringField(PHONE, digits, Field.Store.NO));
        }
        return document;
    }

    private static void addText(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static void addEmail(Document document, String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        String whole = email.strip().toLowerCase(Locale.ROOT);
        document.add(new StringField(EMAIL, whole, Field.Store.NO));
        int at = whole.lastIndexOf('@');
        if (at >= 0 && at < whole.length() - 1) {
            document.add(new StringField(EMAIL_DOMAIN, whole.substring(at + 1), Field.Store.NO));
        }
    }
}
