package urcheck.answer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import urcheck.engine.Determination;
import urcheck.engine.Evaluation;
import urcheck.engine.Governs;
import urcheck.engine.RuleBase;
import urcheck.engine.WorkflowAction;
import urcheck.facts.RequestedService;

/**
 * The compact answer ({@code check --batch --compact}, {@code check --json --compact}; docs/answer.md): per item
 * the ids, outcome, determination, IMR prediction, governing section and next step, and per criterion its id,
 * status, stop / missing flags and facts. None of the knowledge base's texts (criterion wording, citations, labels,
 * rationale): those are in the catalogue once ({@code urcheck criteria --json}, {@code GET /v1/criteria}), which
 * names the same knowledge-base id as the answer's {@code knowledgeBase}.
 *
 * <p>Written on Jackson's streaming generator straight from the {@link Evaluation}, in a fixed key order: no
 * object tree, no reflection, no full answer built first. The criteria are grouped as in the full answer
 * ({@link CriterionGroup}), so the two cannot disagree. Thread-safe.
 */
public final class CompactAnswer {

    /** The value of {@code form}: tells a compact answer from a full one, and its layout's version. */
    public static final String FORM = "compact-1";

    private static final SerializedString K_FORM = new SerializedString("form");
    private static final SerializedString K_KNOWLEDGE_BASE = new SerializedString("knowledgeBase");
    private static final SerializedString K_CASE_ID = new SerializedString("caseId");
    private static final SerializedString K_JURISDICTION = new SerializedString("jurisdiction");
    private static final SerializedString K_ODG_EDITION = new SerializedString("odgEdition");
    private static final SerializedString K_ITEMS = new SerializedString("items");
    private static final SerializedString K_REVIEWER_FLAGS = new SerializedString("reviewerFlags");
    private static final SerializedString K_ID = new SerializedString("id");
    private static final SerializedString K_SERVICE = new SerializedString("service");
    private static final SerializedString K_PRIMARY_ITEM = new SerializedString("primaryItem");
    private static final SerializedString K_OUTCOME = new SerializedString("outcome");
    private static final SerializedString K_DETERMINATION = new SerializedString("determination");
    private static final SerializedString K_IMR_PREDICTION = new SerializedString("imrPrediction");
    private static final SerializedString K_SECTION = new SerializedString("section");
    private static final SerializedString K_WORKFLOW = new SerializedString("workflow");
    private static final SerializedString K_CRITERIA = new SerializedString("criteria");
    private static final SerializedString K_STATUS = new SerializedString("status");
    private static final SerializedString K_STOP = new SerializedString("stop");
    private static final SerializedString K_MISSING = new SerializedString("missing");
    private static final SerializedString K_FACTS = new SerializedString("facts");

    private static final JsonFactory JSON = new JsonFactory();

    private final RuleBase rules;
    private final SerializedString knowledgeBase;

    public CompactAnswer(RuleBase rules) {
        this.rules = rules;
        this.knowledgeBase = new SerializedString(rules.knowledgeVersion().id());
    }

    /** The compact answer as one line of JSON (no line break). */
    public String json(Evaluation ev) {
        BufferRecycler buffers = JSON._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                write(ev, g);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compact answer", e);
        } finally {
            buffers.releaseToPool();
        }
    }

    /** Writes one compact answer as a JSON object on {@code g} (which may be in an array, or pretty-printing). */
    public void write(Evaluation ev, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(K_FORM);
        g.writeString(FORM);
        g.writeFieldName(K_KNOWLEDGE_BASE);
        g.writeString(knowledgeBase);
        string(g, K_CASE_ID, ev.facts().context().caseId());
        string(g, K_JURISDICTION, ev.facts().context().jurisdiction().name());
        string(g, K_ODG_EDITION, ev.odgEdition());
        g.writeFieldName(K_ITEMS);
        g.writeStartArray();
        for (RequestedService item : ev.facts().items()) {
            item(g, item, ev);
        }
        g.writeEndArray();
        List<String> flags = AnswerBuilder.reviewerFlags(ev);
        if (flags != null) {
            g.writeFieldName(K_REVIEWER_FLAGS);
            g.writeStartArray();
            for (String f : flags) {
                g.writeString(f);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void item(JsonGenerator g, RequestedService item, Evaluation ev) throws IOException {
        Determination d = ev.determinations().get(item.id());
        Governs governs = ev.governing().get(item.id());
        WorkflowAction.Action action = AnswerBuilder.action(ev.workflowFor(item.id()));
        g.writeStartObject();
        string(g, K_ID, item.id());
        string(g, K_SERVICE, item.service().name());
        string(g, K_PRIMARY_ITEM, item.primaryItem());
        string(g, K_OUTCOME, d.outcome().name());
        string(g, K_DETERMINATION, d.verdict().name());
        string(g, K_IMR_PREDICTION, d.verdict().imrPrediction());
        string(g, K_SECTION, governs == null ? null : governs.section());
        string(g, K_WORKFLOW, action == null ? null : action.name());
        g.writeFieldName(K_CRITERIA);
        g.writeStartArray();
        for (CriterionGroup c : CriterionGroup.of(ev.resultsFor(item.id()), rules.catalogue())) {
            g.writeStartObject();
            string(g, K_ID, c.id());
            string(g, K_STATUS, c.status().name());
            if (c.stop()) {
                g.writeFieldName(K_STOP);
                g.writeBoolean(true);
            }
            if (c.missing()) {
                g.writeFieldName(K_MISSING);
                g.writeBoolean(true);
            }
            if (!c.facts().isEmpty()) {
                g.writeFieldName(K_FACTS);
                g.writeStartArray();
                for (String f : c.facts()) {
                    g.writeString(f);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A string field; left out when null. */
    private static void string(JsonGenerator g, SerializedString name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            g.writeString(value);
        }
    }
}
