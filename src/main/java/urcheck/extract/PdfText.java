package urcheck.extract;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's text layer through Apache PDFBox. A scanned page is a picture with no text layer: we say so
 * rather than guess (no OCR here; OCR errors would be quoted as the record's words).
 */
final class PdfText {

    static final int MAX_PAGES = 500;
    /** Fewer letters than this per page on average, and the PDF is taken for a scan. */
    private static final int MIN_LETTERS_PER_PAGE = 20;

    private PdfText() {
    }

    static String extract(String name, byte[] bytes) throws UnreadableRecordException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new UnreadableRecordException(name, "PDF of " + pages + " pages; the limit is " + MAX_PAGES);
            }
            if (pages == 0) {
                throw new UnreadableRecordException(name, "PDF with no pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            String text = stripper.getText(doc);
            if (RecordReader.letters(text) < MIN_LETTERS_PER_PAGE * pages) {
                throw new UnreadableRecordException(name, "PDF with no text layer (a scanned image?): run it through OCR "
                        + "and check the text, or type the note");
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new UnreadableRecordException(name, "encrypted PDF: it needs a password; save an unprotected copy");
        } catch (IOException e) {
            throw new UnreadableRecordException(name, "not a readable PDF (damaged or not a PDF)");
        }
    }
}
