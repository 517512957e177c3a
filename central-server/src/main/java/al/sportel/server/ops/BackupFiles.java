package al.sportel.server.ops;

import al.sportel.server.PrivateFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files a backup carries beside the database: the complaints' attachments (photos, PDFs) the phone app
 * uploads, kept in the data directory. A database restored without them listed every attachment and served
 * none. They are copied after the database's image, and a case is committed only after its files are
 * written, so every case in the image finds its files. The channel master key is deliberately not among
 * them: a stolen backup alone must not sign as a bank.
 */
final class BackupFiles {

    static final String ATTACHMENTS = "attachments";

    private BackupFiles() {
    }

    /** Adds {@code dataDir/attachments} to the zip under {@code attachments/}; answers how many files. */
    static int addAttachments(Path zip, Path dataDir) throws IOException {
        Path from = dataDir.resolve(ATTACHMENTS);
        if (!Files.isDirectory(from)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        // useTempFile: without it the zip file system keeps every added entry in the heap until it closes
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("useTempFile", Boolean.TRUE))) {
            for (Path f : files) {
                Path target = fs.getPath(ATTACHMENTS, from.relativize(f).toString().replace('\\', '/'));
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return files.size();
    }

    /** Puts the zip's {@code attachments/} back into {@code dataDir/attachments}; answers how many files. */
    static int restoreAttachments(Path zip, Path dataDir) throws IOException {
        int n = 0;
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of())) {
            Path from = fs.getPath(ATTACHMENTS);
            if (!Files.isDirectory(from)) {
                return 0;
            }
            Path to = dataDir.resolve(ATTACHMENTS).normalize();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                Path target = to.resolve(from.relativize(f).toString()).normalize();
                if (!target.startsWith(to)) {
                    continue; // a crafted entry name must not write outside the folder
                }
                if (Files.exists(target)) {
                    continue; // restored in place: a random name already there is the same file
                }
                PrivateFiles.createDirectories(target.getParent());
                Files.copy(f, target);
                PrivateFiles.restrictFile(target);
                n++;
            }
        }
        return n;
    }
}
