package org.sendscope.ingest.dfe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sendscope.ingest.Loader;
import org.sendscope.ingest.finance.DsgLoader;
import org.sendscope.ingest.lait.LaitLoader;
import org.sendscope.ingest.neighbours.StatisticalNeighboursLoader;

/**
 * A folder of the DfE's published releases laid out as {@code ../shared/data/dfe} is
 * ({@code ehc-plans/*.zip}, {@code statistical-neighbours/*.xlsx}, {@code finance/*.xlsx},
 * {@code lait/bds_long.parquet} with its dictionary), as a list of files each with its
 * {@link Loader}. The SEN2 releases come first: the later loaders give LA numbers their GSS codes
 * from the areas those releases put in the warehouse. The demo and {@code bench load} both load
 * this list.
 */
public final class DfeFolder {
    /** One file and the loader that reads it. */
    public record Load(Loader loader, Path file) {
    }

    private final Path folder;

    public DfeFolder(Path folder) {
        this.folder = folder;
    }

    /** The folder. */
    public Path path() {
        return folder;
    }

    /** Every file the folder holds that a loader reads, in loading order. */
    public List<Load> loads() {
        List<Load> loads = new ArrayList<>();
        Loader sen2 = new Sen2Loader();
        for (Path zip : files("ehc-plans", ".zip")) loads.add(new Load(sen2, zip));
        Loader neighbours = new StatisticalNeighboursLoader(null);
        for (Path f : files("statistical-neighbours", ".xlsx")) loads.add(new Load(neighbours, f));
        Loader dsg = new DsgLoader(null);
        for (Path f : files("finance", ".xlsx")) loads.add(new Load(dsg, f));
        Path lait = folder.resolve("lait");
        Path dictionary = lait.resolve("lait_data_dictionary.csv");
        if (Files.isRegularFile(lait.resolve("bds_long.parquet")) && Files.isRegularFile(dictionary)) {
            Path codes = lait.resolve("la_code_list.xlsx");
            loads.add(new Load(new LaitLoader(dictionary, Files.isRegularFile(codes) ? codes : null, null),
                    lait.resolve("bds_long.parquet")));
        }
        return loads;
    }

    /** The files of one kind in a subfolder, in name order (none when it is absent). */
    public List<Path> files(String subfolder, String suffix) {
        Path dir = folder.resolve(subfolder);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
