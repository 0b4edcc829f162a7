package de.efa.registry.command.municipality.directory;

import de.efa.registry.kernel.common.RuleViolated;
import de.efa.registry.command.job.JobKind;
import de.efa.registry.command.job.LongWork;
import de.efa.registry.command.job.ProgressWatch;
import de.efa.registry.command.lookup.MunicipalityFacts;
import de.efa.registry.command.lookup.WriteLookup;
import de.efa.registry.command.web.CommandFanOut;
import de.efa.registry.kernel.municipality.Ags;
import de.efa.registry.kernel.municipality.ChangeMunicipality;
import de.efa.registry.kernel.municipality.DissolveMunicipality;
import de.efa.registry.kernel.municipality.RecordMunicipality;
import de.efa.registry.command.lookup.RegionFacts;
import de.efa.registry.kernel.region.ChangeRegion;
import de.efa.registry.kernel.region.DissolveRegion;
import de.efa.registry.kernel.region.RecordRegion;
import de.efa.registry.kernel.region.RegionKey;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the register to a directory's state: reads the whole register once, diffs it with the file, and sends
 * commands only for what changed — so the same file twice stores nothing. The regions above the municipalities (states,
 * government regions, districts, associations) are diffed alike and sent through the same fan-out. Municipalities in the register but not in
 * the file are dissolved — unless the file lacks whole states the register holds: a directory in force covers all of
 * Germany, so such a file was cut short (a broken transfer, a partial copy) and would dissolve thousands of
 * municipalities with all their adoptions; it is refused and changes nothing.
 */
@Component
public class DirectoryImport {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImport.class);

    private final WriteLookup lookup;
    private final CommandFanOut fanOut;
    private final ProgressWatch progress;

    public DirectoryImport(WriteLookup lookup, CommandFanOut fanOut, ProgressWatch progress) {
        this.lookup = lookup;
        this.fanOut = fanOut;
        this.progress = progress;
    }

    /** Imports the file right away, on the caller's thread, logging its progress. */
    public ImportResult importFile(byte[] body, MetaData metaData) {
        return progress.carryOut(plan(body, metaData));
    }

    /**
     * Reads the file and diffs it with the register — a file refused (unreadable, cut short) changes nothing and is
     * refused at once — and leaves the commands for what changed to be sent.
     */
    public LongWork<ImportResult> plan(byte[] body, MetaData metaData) {
        return plan(body, null, metaData);
    }

    /**
     * @param declared the charset the request declared ({@code Content-Type: text/plain; charset=…}), or null to tell
     *                 UTF-8 from ISO-8859-1 by the bytes
     * @throws DirectoryRefused if any record is invalid (nothing is changed then)
     */
    public LongWork<ImportResult> plan(byte[] body, java.nio.charset.Charset declared, MetaData metaData) {
        return plan(Gv100adParser.parse(DirectoryText.decode(body, declared)), metaData);
    }

    private LongWork<ImportResult> plan(MunicipalityDirectory directory, MetaData metaData) {
        Map<Ags, MunicipalityFacts> register = new HashMap<>();
        lookup.allMunicipalities().forEach(m -> register.put(m.ags(), m));
        List<Object> commands = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        Set<Ags> listed = new HashSet<>();
        for (DirectoryEntry e : directory.municipalities()) {
            listed.add(e.ags());
            MunicipalityFacts known = register.get(e.ags());
            if (known == null) {
                added++;
                commands.add(new RecordMunicipality(e.ags(), e.ars(), e.name(), e.district(), e.districtName(),
                        e.associationName(), e.population(), e.areaHa(), e.postalCode(), directory.gebietsstand()));
            } else if (e.sameAs(known)) {
                unchanged++;
            } else {
                changed++;
                commands.add(new ChangeMunicipality(e.ags(), e.ars(), e.name(), e.district(), e.districtName(),
                        e.associationName(), e.population(), e.areaHa(), e.postalCode(), directory.gebietsstand()));
            }
        }
        int dissolved = 0;
        Set<String> statesListed = new HashSet<>();
        listed.forEach(ags -> statesListed.add(ags.state().value()));
        Map<String, Integer> dissolvedInUnlistedStates = new java.util.TreeMap<>();
        for (MunicipalityFacts known : register.values()) {
            if (!known.dissolved() && !listed.contains(known.ags())) {
                dissolved++;
                commands.add(new DissolveMunicipality(known.ags(), directory.gebietsstand()));
                if (!statesListed.contains(known.ags().state().value())) {
                    dissolvedInUnlistedStates.merge(known.ags().state().value(), 1, Integer::sum);
                }
            }
        }
        if (!dissolvedInUnlistedStates.isEmpty()) {
            throw new RuleViolated("incomplete-directory", "Incomplete directory", "The file lists no "
                    + "municipality of state " + String.join(", ", dissolvedInUnlistedStates.keySet()) + ", whose "
                    + dissolvedInUnlistedStates.values().stream().mapToInt(Integer::intValue).sum() + " municipalities"
                    + " the register holds; a directory in force covers every state, so this file looks cut short."
                    + " Nothing was changed.");
        }
        ImportResult.Regions regions = diffRegions(directory, commands);
        ImportResult result = new ImportResult(directory.gebietsstand(), directory.states(), directory.districts(),
                directory.municipalities().size(), added, changed, dissolved, unchanged, regions);
        return new LongWork<>(JobKind.MUNICIPALITY_IMPORT, "Import of directory " + directory.gebietsstand(),
                commands.size(), reporting -> send(commands, result, metaData, reporting));
    }

    /**
     * The regions above the municipalities, diffed the same way: recorded, changed (name, parent, or the figures of
     * their municipalities) or dissolved, the rest left alone. Checked after the municipalities, so a file cut short
     * is refused before anything of it is planned.
     */
    private ImportResult.Regions diffRegions(MunicipalityDirectory directory, List<Object> commands) {
        Map<RegionKey, RegionFacts> register = new HashMap<>();
        lookup.allRegions().forEach(r -> register.put(r.key(), r));
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        Set<RegionKey> listed = new HashSet<>();
        for (RegionEntry e : directory.regions()) {
            listed.add(e.key());
            RegionFacts known = register.get(e.key());
            if (known == null) {
                added++;
                commands.add(new RecordRegion(e.key().level(), e.key().ars(), e.name(), e.parent(), e.population(),
                        e.municipalities(), directory.gebietsstand()));
            } else if (e.sameAs(known)) {
                unchanged++;
            } else {
                changed++;
                commands.add(new ChangeRegion(e.key().level(), e.key().ars(), e.name(), e.parent(), e.population(),
                        e.municipalities(), directory.gebietsstand()));
            }
        }
        int dissolved = 0;
        for (RegionFacts known : register.values()) {
            if (!known.dissolved() && !listed.contains(known.key())) {
                dissolved++;
                commands.add(new DissolveRegion(known.key().level(), known.key().ars(), directory.gebietsstand()));
            }
        }
        return new ImportResult.Regions(directory.regions().size(), added, changed, dissolved, unchanged);
    }

    private ImportResult send(List<Object> commands, ImportResult result, MetaData metaData,
                              CommandFanOut.Progress reporting) {
        List<CommandFanOut.Outcome<Object>> failed = fanOut.send(commands, c -> c, metaData, reporting).stream()
                .filter(o -> o.failure() != null).toList();
        if (!failed.isEmpty()) {
            // the register is left partly updated; importing the file again completes it (the diff sends only the rest)
            log.warn("{} of {} directory commands failed, e.g. {}", failed.size(), commands.size(), failed.get(0).item(),
                    failed.get(0).failure());
            throw failed.get(0).failure();
        }
        log.info("Directory {} imported: {} added, {} changed, {} dissolved, {} unchanged; regions above them: {} added, "
                        + "{} changed, {} dissolved, {} unchanged", result.gebietsstand(), result.added(), result.changed(),
                result.dissolved(), result.unchanged(), result.regions().added(), result.regions().changed(),
                result.regions().dissolved(), result.regions().unchanged());
        return result;
    }
}
