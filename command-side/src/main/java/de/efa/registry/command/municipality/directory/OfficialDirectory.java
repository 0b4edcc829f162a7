package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.municipality.Ags;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The official municipality directory the project ships (GV100AD, Gebietsstand 30.11.2023, all 10,981
 * municipalities), gzip-compressed on the classpath beside its attribution ({@code directory/ATTRIBUTION.md}:
 * © Statistisches Bundesamt (Destatis), dl-de/by-2-0). The Germany seed, the tests and the bench read it from here,
 * so a clone needs nothing outside the repository. Users import the directory in force themselves (the import API).
 */
public final class OfficialDirectory {

    /** Where on the classpath the compressed file lies. */
    public static final String RESOURCE = "directory/GV100AD_301123.txt.gz";
    /** The attribution the licence asks for, wherever the data is shown. */
    public static final String SOURCE = "© Statistisches Bundesamt (Destatis), 2023 — Gemeindeverzeichnis GV100AD, "
            + "Gebietsstand 30.11.2023, dl-de/by-2-0";

    private OfficialDirectory() {
    }

    /** The directory file (UTF-8, fixed width, 220 characters a record), decompressed while it is read. */
    public static InputStream open() {
        InputStream compressed = OfficialDirectory.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (compressed == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath: is the command-side jar complete?");
        }
        try {
            return new GZIPInputStream(compressed, 64 * 1024);
        } catch (IOException e) {
            try {
                compressed.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The key of every municipality the directory lists (10,981), in the file's order. */
    public static List<Ags> municipalities() {
        return entries().stream().map(DirectoryEntry::ags).toList();
    }

    /**
     * The municipalities where people live (10,775): the directory also lists 206 unincorporated areas without
     * inhabitants (gemeindefreie Gebiete — forests, lakes, the coastal waters), which adopt no online service.
     */
    public static List<Ags> inhabitedMunicipalities() {
        return entries().stream().filter(e -> e.population() > 0).map(DirectoryEntry::ags).toList();
    }

    private static List<DirectoryEntry> entries() {
        return Gv100adParser.parse(DirectoryText.decode(bytes())).municipalities();
    }

    /** The whole file (3.5 MB), as the import takes it. */
    public static byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
