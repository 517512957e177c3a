package al.sportel.desktop.complaints;

import al.sportel.desktop.api.ApiException;
import al.sportel.desktop.app.AppContext;
import al.sportel.desktop.app.I18n;
import al.sportel.desktop.app.Jobs;
import al.sportel.model.cases.CaseAttachment;
import al.sportel.model.cases.CaseView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files a citizen attached to the selected case: listed, opened with the system's viewer from a
 * private temporary copy, or saved where the clerk chooses. Downloads run as background jobs.
 */
public final class CaseAttachmentsViewModel {

    /** Where attachments come from: the API's staff-only endpoints. Both methods block. */
    public interface Source {
        List<CaseAttachment> list(long caseId) throws Exception;

        byte[] bytes(long caseId, long attachmentId) throws Exception;
    }

    /** A local file could not be written: said as such, not as a lost connection. */
    private static final String LOCAL_FILE = "local-file";

    private final Source source;
    private final Jobs jobs;
    private final I18n i18n;
    private final Consumer<Path> opener;
    private final ObservableList<CaseAttachment> attachments = FXCollections.observableArrayList();
    private final SimpleStringProperty message = new SimpleStringProperty();
    private final SimpleBooleanProperty downloading = new SimpleBooleanProperty();
    private long caseId = -1;

    public CaseAttachmentsViewModel(Source source, Jobs jobs, I18n i18n, Consumer<Path> opener) {
        this.source = source;
        this.jobs = jobs;
        this.i18n = i18n;
        this.opener = opener;
    }

    public ObservableList<CaseAttachment> attachments() {
        return attachments;
    }

    /** An inline error or confirmation; null when there is nothing to say. */
    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyBooleanProperty downloading() {
        return downloading;
    }

    public ReadOnlyBooleanProperty busy() {
        return jobs.busy();
    }

    /** The clerk selected {@code c} (or nothing): its attachments replace the previous case's. */
    public void show(CaseView c) {
        attachments.clear();
        message.set(null);
        caseId = c == null ? -1 : c.id();
        if (c == null) {
            return;
        }
        long asked = caseId;
        // an answer for a case the clerk has already left is dropped
        jobs.run(() -> source.list(asked), list -> {
            if (asked == caseId) {
                attachments.setAll(list);
            }
        }, e -> {
            if (asked == caseId) {
                message.set(describe(e));
            }
        });
    }

    /** Downloads to a temporary file only this user can read and hands it to the system's viewer. */
    public void open(CaseAttachment a) {
        download(a, bytes -> {
            // createTempFile gives only this user access (rw------- on POSIX, the user's own folder on Windows)
            Path file = Files.createTempFile("sportel-attachment-", extension(a.contentType()));
            file.toFile().deleteOnExit();
            Files.write(file, bytes);
            return file;
        }, file -> {
            message.set(null);
            opener.accept(file);
        });
    }

    /** Downloads into {@code target}, chosen by the clerk. */
    public void saveAs(CaseAttachment a, Path target) {
        download(a, bytes -> {
            Files.write(target, bytes);
            return target;
        }, file -> message.set(i18n.t("case.attachment.saved", file.toString())));
    }

    private interface Writer {
        Path write(byte[] bytes) throws IOException;
    }

    private void download(CaseAttachment a, Writer writer, Consumer<Path> onDone) {
        long of = caseId;
        message.set(null);
        downloading.set(true);
        jobs.run(() -> {
            byte[] bytes = source.bytes(of, a.id());
            try {
                return writer.write(bytes);
            } catch (IOException e) {
                throw new ApiException(-1, LOCAL_FILE, i18n.t("case.attachment.notWritten", String.valueOf(e.getMessage())), 0);
            }
        }, file -> {
            downloading.set(false);
            onDone.accept(file);
        }, e -> {
            downloading.set(false);
            message.set(describe(e));
        });
    }

    private String describe(ApiException e) {
        return LOCAL_FILE.equals(e.type()) ? e.getMessage() : AppContext.describe(i18n, e);
    }

    /** The viewer is chosen by the file's ending: taken from the type the server found, never from the citizen's name. */
    static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".bin";
        };
    }

    /** "Photo (JPEG)", "PDF"… */
    public String typeName(String contentType) {
        return i18n.t("case.attachment.type." + extension(contentType).substring(1));
    }

    /** "850 B", "34 KB", "2,4 MB". */
    public String size(long bytes) {
        if (bytes < 1024) {
            return i18n.t("case.attachment.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return i18n.t("case.attachment.kb", (bytes + 1023) / 1024);
        }
        return i18n.t("case.attachment.mb", bytes / (1024.0 * 1024.0));
    }
}
