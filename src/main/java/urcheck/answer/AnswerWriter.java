package urcheck.answer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import urcheck.engine.KnowledgeVersion;

/**
 * Writes a {@link CaseAnswer} field by field on Jackson's generator: the bytes databind writes for the records
 * (component order, nulls left out where the records say so, the generator's own pretty printer when pretty), at
 * a fraction of the cost: no reflection, field names and the knowledge base's texts already quoted
 * ({@link QuotedTexts}). {@code AnswerJsonTest} compares it with plain databind on every fixture and thousands
 * of generated cases; a field added to a record must be added here too, or that test fails.
 */
final class AnswerWriter extends StdSerializer<CaseAnswer> {

    private static final SerializedString URCHECK_VERSION = name("urcheckVersion");
    private static final SerializedString KNOWLEDGE_BASE = name("knowledgeBase");
    private static final SerializedString CASE_ID = name("caseId");
    private static final SerializedString JURISDICTION = name("jurisdiction");
    private static final SerializedString ODG_EDITION = name("odgEdition");
    private static final SerializedString ITEMS = name("items");
    private static final SerializedString REVIEWER_FLAGS = name("reviewerFlags");
    private static final SerializedString ID = name("id");
    private static final SerializedString VERSION = name("version");
    private static final SerializedString SHA256 = name("sha256");
    private static final SerializedString REQUEST = name("request");
    private static final SerializedString SERVICE = name("service");
    private static final SerializedString REGION = name("region");
    private static final SerializedString LEVELS = name("levels");
    private static final SerializedString AS_WRITTEN = name("asWritten");
    private static final SerializedString JOINTS = name("joints");
    private static final SerializedString READ_AS = name("readAs");
    private static final SerializedString AMBIGUOUS = name("ambiguous");
    private static final SerializedString LATERALITY = name("laterality");
    private static final SerializedString SESSIONS = name("sessions");
    private static final SerializedString VISITS = name("visits");
    private static final SerializedString PRIMARY_ITEM = name("primaryItem");
    private static final SerializedString OUTCOME = name("outcome");
    private static final SerializedString OUTCOME_LABEL = name("outcomeLabel");
    private static final SerializedString DECIDED_BY = name("decidedBy");
    private static final SerializedString STATUS = name("status");
    private static final SerializedString FINDING = name("finding");
    private static final SerializedString DOCUMENT = name("document");
    private static final SerializedString DETERMINATION = name("determination");
    private static final SerializedString IMR_PREDICTION = name("imrPrediction");
    private static final SerializedString IMR_PREDICTION_BASIS = name("imrPredictionBasis");
    private static final SerializedString WORKFLOW = name("workflow");
    private static final SerializedString ACTION = name("action");
    private static final SerializedString REASONS = name("reasons");
    private static final SerializedString GUIDELINE = name("guideline");
    private static final SerializedString SECTION_ID = name("sectionId");
    private static final SerializedString SOURCE = name("source");
    private static final SerializedString CHAPTER = name("chapter");
    private static final SerializedString SECTION = name("section");
    private static final SerializedString EDITION = name("edition");
    private static final SerializedString POSITION = name("position");
    private static final SerializedString WHY = name("why");
    private static final SerializedString CRITERIA = name("criteria");
    private static final SerializedString TEXT = name("text");
    private static final SerializedString KIND = name("kind");
    private static final SerializedString FACTS = name("facts");
    private static final SerializedString CITATION = name("citation");
    private static final SerializedString RATIONALE = name("rationale");
    private static final SerializedString DOCUMENTATION_NEEDED = name("documentationNeeded");

    /** Shared by every answer of the process: the knowledge base's texts are the same for all of them. */
    private final QuotedTexts texts = new QuotedTexts();

    AnswerWriter() {
        super(CaseAnswer.class);
    }

    private static SerializedString name(String s) {
        return new SerializedString(s);
    }

    @Override
    public void serialize(CaseAnswer a, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject(a);
        text(g, URCHECK_VERSION, a.urcheckVersion());
        if (a.knowledgeBase() != null) {
            g.writeFieldName(KNOWLEDGE_BASE);
            knowledgeBase(g, a.knowledgeBase());
        }
        plain(g, CASE_ID, a.caseId());
        text(g, JURISDICTION, a.jurisdiction());
        text(g, ODG_EDITION, a.odgEdition());
        if (a.items() != null) {
            g.writeFieldName(ITEMS);
            g.writeStartArray(a.items(), a.items().size());
            for (ItemAnswer i : a.items()) {
                item(g, i);
            }
            g.writeEndArray();
        }
        if (a.reviewerFlags() != null) {
            g.writeFieldName(REVIEWER_FLAGS);
            plainList(g, a.reviewerFlags());
        }
        g.writeEndObject();
    }

    /** KnowledgeVersion has no NON_NULL: every field is written, null or not. */
    private void knowledgeBase(JsonGenerator g, KnowledgeVersion k) throws IOException {
        g.writeStartObject(k);
        g.writeFieldName(ID);
        texts.write(g, k.id());
        g.writeFieldName(VERSION);
        texts.write(g, k.version());
        g.writeFieldName(SHA256);
        texts.write(g, k.sha256());
        g.writeEndObject();
    }

    private void item(JsonGenerator g, ItemAnswer i) throws IOException {
        if (i == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(i);
        plain(g, ID, i.id());
        plain(g, REQUEST, i.request());
        text(g, SERVICE, i.service());
        text(g, REGION, i.region());
        if (i.levels() != null) {
            g.writeFieldName(LEVELS);
            levels(g, i.levels());
        }
        text(g, LATERALITY, i.laterality());
        if (i.sessions() != null) {
            g.writeFieldName(SESSIONS);
            g.writeNumber(i.sessions().intValue());
        }
        if (i.visits() != null) {
            g.writeFieldName(VISITS);
            g.writeNumber(i.visits().intValue());
        }
        plain(g, PRIMARY_ITEM, i.primaryItem());
        text(g, OUTCOME, i.outcome());
        text(g, OUTCOME_LABEL, i.outcomeLabel());
        if (i.decidedBy() != null) {
            g.writeFieldName(DECIDED_BY);
            g.writeStartArray(i.decidedBy(), i.decidedBy().size());
            for (ItemAnswer.DecidingCriterion d : i.decidedBy()) {
                deciding(g, d);
            }
            g.writeEndArray();
        }
        text(g, DETERMINATION, i.determination());
        text(g, IMR_PREDICTION, i.imrPrediction());
        plain(g, IMR_PREDICTION_BASIS, i.imrPredictionBasis());
        if (i.workflow() != null) {
            g.writeFieldName(WORKFLOW);
            workflow(g, i.workflow());
        }
        if (i.guideline() != null) {
            g.writeFieldName(GUIDELINE);
            guideline(g, i.guideline());
        }
        if (i.criteria() != null) {
            g.writeFieldName(CRITERIA);
            g.writeStartArray(i.criteria(), i.criteria().size());
            for (ItemAnswer.CriterionAnswer c : i.criteria()) {
                criterion(g, c);
            }
            g.writeEndArray();
        }
        plain(g, RATIONALE, i.rationale());
        if (i.documentationNeeded() != null) {
            g.writeFieldName(DOCUMENTATION_NEEDED);
            g.writeStartArray(i.documentationNeeded(), i.documentationNeeded().size());
            for (String s : i.documentationNeeded()) {
                texts.write(g, s);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void levels(JsonGenerator g, ItemAnswer.LevelsAnswer l) throws IOException {
        g.writeStartObject(l);
        plain(g, AS_WRITTEN, l.asWritten());
        if (l.joints() != null) {
            g.writeFieldName(JOINTS);
            g.writeStartArray(l.joints(), l.joints().size());
            for (String j : l.joints()) {
                texts.write(g, j);
            }
            g.writeEndArray();
        }
        plain(g, READ_AS, l.readAs());
        g.writeFieldName(AMBIGUOUS);
        g.writeBoolean(l.ambiguous());
        g.writeEndObject();
    }

    private void deciding(JsonGenerator g, ItemAnswer.DecidingCriterion d) throws IOException {
        if (d == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(d);
        text(g, ID, d.id());
        text(g, STATUS, d.status());
        plain(g, FINDING, d.finding());
        text(g, DOCUMENT, d.document());
        g.writeEndObject();
    }

    /** WorkflowAnswer has no NON_NULL: both fields are written, null or not. */
    private void workflow(JsonGenerator g, ItemAnswer.WorkflowAnswer w) throws IOException {
        g.writeStartObject(w);
        g.writeFieldName(ACTION);
        texts.write(g, w.action());
        g.writeFieldName(REASONS);
        if (w.reasons() == null) {
            g.writeNull();
        } else {
            // Stated by workflow.drl as constants: no case's words in them.
            g.writeStartArray(w.reasons(), w.reasons().size());
            for (String r : w.reasons()) {
                texts.write(g, r);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void guideline(JsonGenerator g, ItemAnswer.GuidelineAnswer s) throws IOException {
        g.writeStartObject(s);
        text(g, SECTION_ID, s.sectionId());
        text(g, SOURCE, s.source());
        text(g, CHAPTER, s.chapter());
        text(g, SECTION, s.section());
        text(g, EDITION, s.edition());
        text(g, POSITION, s.position());
        // Why this source governs can quote the case's dates: written, never kept.
        plain(g, WHY, s.why());
        g.writeEndObject();
    }

    private void criterion(JsonGenerator g, ItemAnswer.CriterionAnswer c) throws IOException {
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(c);
        text(g, ID, c.id());
        text(g, TEXT, c.text());
        text(g, KIND, c.kind());
        text(g, STATUS, c.status());
        // Findings and facts can carry what the case states (dates, percentages, levels): written, never kept.
        plain(g, FINDING, c.finding());
        if (c.facts() != null) {
            g.writeFieldName(FACTS);
            plainList(g, c.facts());
        }
        text(g, CITATION, c.citation());
        g.writeEndObject();
    }

    /** A field whose value comes from the knowledge base (or is an enum's name): kept quoted. Null: left out. */
    private void text(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            texts.write(g, value);
        }
    }

    /** A field whose value may carry what the case states: written as usual. Null: left out. */
    private static void plain(JsonGenerator g, SerializableString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }

    private static void plainList(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray(values, values.size());
        for (String s : values) {
            if (s == null) {
                g.writeNull();
            } else {
                g.writeString(s);
            }
        }
        g.writeEndArray();
    }
}
