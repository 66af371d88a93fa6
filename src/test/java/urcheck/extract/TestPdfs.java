package urcheck.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made for tests: a text PDF of note lines, a "scan" (a page with only a drawing), a password-protected one. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** A PDF whose pages carry these lines as text, 45 lines a page. */
    public static byte[] text(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int i = 0;
            while (i < lines.size()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(font, 10);
                    c.setLeading(14);
                    c.newLineAtOffset(50, 740);
                    for (int n = 0; n < 45 && i < lines.size(); n++, i++) {
                        c.showText(lines.get(i));
                        c.newLine();
                    }
                    c.endText();
                }
            }
            return save(doc);
        }
    }

    /** A page with a drawn rectangle and no text: what a scanner gives, less the picture. */
    public static byte[] scanned(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.addRect(50, 50, 400, 600);
                    c.fill();
                }
            }
            return save(doc);
        }
    }

    public static byte[] encrypted(List<String> lines) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(text(lines))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
