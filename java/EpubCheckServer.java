import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates many EPUBs in one JVM with Debian's EPUBCheck: reads one path per
 * line on stdin and answers one line per path, the messages of severity
 * WARNING and above separated by tabs (an empty line means valid). Starting a
 * JVM per book costs seconds, and the test suite validates dozens of books.
 */
public class EpubCheckServer {
  static final class Collect extends MasterReport {
    final List<String> found = new ArrayList<>();

    @Override
    public void message(Message message, EPUBLocation location, Object... args) {
      Severity s = message.getSeverity();
      if (s == Severity.FATAL || s == Severity.ERROR || s == Severity.WARNING) {
        String where = location.getPath() + ":" + location.getLine() + ":" + location.getColumn();
        found.add(s + " " + message.getID() + " " + where + " " + message.getMessage(args).replace('\n', ' ').replace('\t', ' '));
      }
    }

    @Override
    public void info(String resource, FeatureEnum feature, String value) {}

    @Override
    public int generate() { return 0; }

    @Override
    public void initialize() {}
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
    String line;
    while ((line = in.readLine()) != null) {
      Collect report = new Collect();
      try {
        new EpubCheck(new File(line), report).doValidate();
      } catch (Exception e) {
        report.found.add("FATAL EXCEPTION " + e.toString().replace('\n', ' '));
      }
      System.out.println(String.join("\t", report.found));
      System.out.flush();
    }
  }
}
