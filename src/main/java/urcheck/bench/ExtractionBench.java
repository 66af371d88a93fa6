package urcheck.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import urcheck.Checker;
import urcheck.extract.Extraction;
import urcheck.extract.NoteExtractor;
import urcheck.extract.RecordReader;
import urcheck.extract.RecordText;

/**
 * Issue 10, item 6: how long a 20-page text PDF (a record packet: progress notes, exam, plan, request) takes
 * to read into a draft case file, PDF text layer and extraction apart. Measured, not asserted: the figure
 * depends on the machine and its load.
 */
public final class ExtractionBench {

    private static final String[] PAGE = {
        "PROGRESS NOTE", "Date of service: 03/04/2024", "Date of injury: 01/15/2023", "HPI:",
        "52 year old male with chronic axial low back pain after lifting at work. Pain is 7/10, worse with standing.",
        "Denies radiating pain, numbness or tingling in the legs. No bowel or bladder changes.",
        "Failed PT x 8 wks and NSAIDs x 6 wks with no improvement. Doing HEP daily without relief.",
        "Prior lumbar ESI in 2022 gave short-term relief only. No prior spine surgery.",
        "Family history: mother has spinal stenosis.", "Medications: ibuprofen 800 mg, cyclobenzaprine 10 mg at night.",
        "Exam:", "Tenderness over the bilateral L4-5 and L5-S1 facets. Pain with extension and rotation.",
        "Negative straight leg raise bilaterally. Sensation intact. Strength 5/5 in the lower extremities.",
        "Imaging:", "MRI of the lumbar spine shows facet hypertrophy at L4-5 and L5-S1 without stenosis.",
        "Assessment:", "Lumbar facet arthropathy (M47.816). Rule out radiculopathy.",
        "Plan:", "Request bilateral L4-5, L5-S1 medial branch blocks under fluoroscopy.",
        "If the MBB is positive, proceed to RFA. Continue HEP. Patient will keep a pain diary after the block.",
    };

    public record Result(int pages, int characters, double pdfMillis, double extractMillis, double cpuMillis, int facts) {
        public String text() {
            return String.format(Locale.ROOT, "Extraction: a %d-page text PDF (%d characters): text layer %.0f ms, "
                    + "draft case file %.0f ms, %.0f ms in all, %.0f ms of CPU (medians of 15 after warm-up); %d facts quoted%n",
                    pages, characters, pdfMillis, extractMillis, pdfMillis + extractMillis, cpuMillis, facts);
        }
    }

    private ExtractionBench() {
    }

    public static Result run(Checker checker, int pages) throws Exception {
        byte[] pdf = pdf(pages);
        NoteExtractor extractor = new NoteExtractor();
        double[] read = new double[15];
        double[] extract = new double[15];
        double[] cpu = new double[15];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int chars = 0;
        int facts = 0;
        for (int round = -5; round < read.length; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            RecordText text = RecordReader.read("bench.pdf", pdf);
            long t1 = System.nanoTime();
            Extraction x = extractor.extract(List.of(text), "bench", "california", checker.reader());
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            if (round >= 0) {
                read[round] = (t1 - t0) / 1e6;
                extract[round] = (t2 - t1) / 1e6;
                cpu[round] = (c2 - c0) / 1e6;
            }
            chars = text.text().length();
            facts = x.evidence().size();
        }
        return new Result(pages, chars, median(read), median(extract), median(cpu), facts);
    }

    /** A text PDF of {@code pages} pages, each a progress note (45 lines or so). */
    static byte[] pdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(font, 9);
                    c.setLeading(15);
                    c.newLineAtOffset(40, 750);
                    List<String> lines = new ArrayList<>(Arrays.asList(PAGE));
                    lines.addAll(Arrays.asList(PAGE).subList(4, 14));
                    lines.addAll(Arrays.asList(PAGE).subList(11, 17));
                    for (String l : lines) {
                        c.showText(l);
                        c.newLine();
                    }
                    c.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
