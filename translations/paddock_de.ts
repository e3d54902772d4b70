<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Bench</name>
    <message>
        <source>paddock bench video: %1 needs a positive number</source>
        <translation>paddock bench video: %1 braucht eine positive Zahl</translation>
    </message>
    <message>
        <source>paddock bench video: unexpected argument %1</source>
        <translation>paddock bench video: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>usage: paddock bench video FILE [--cache-mb N] [--random N] [--frames N] [--steps N]</source>
        <translation>Aufruf: paddock bench video DATEI [--cache-mb N] [--random N] [--frames N] [--steps N]</translation>
    </message>
    <message>
        <source>usage: paddock bench NAME [ARGS]; benchmarks:</source>
        <translation>Aufruf: paddock bench NAME [ARGUMENTE]; Benchmarks:</translation>
    </message>
    <message>
        <source>paddock bench: unknown benchmark &apos;%1&apos;</source>
        <translation>paddock bench: unbekannter Benchmark &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock bench video --exactness: needs the ffmpeg tool on PATH</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message numerus="yes">
        <source>%n finding(s) in %1</source>
        <translation>
            <numerusform>%n Befund in %1</numerusform>
            <numerusform>%n Befunde in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>usage: paddock compare A.json B.json [--json] [--worst N]</source>
        <translation>Aufruf: paddock compare A.json B.json [--json] [--worst N]</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>usage: paddock merge A B ... --out MERGED.json|MERGED.paddock|MERGED.paddockdb [--report REPORT.json]
                     [--base ORIGINAL] [--no-hash]
  joins projects, project stores (.paddockdb) or COCO/APTv2 files of the same dataset; clips are
  matched by file name, frame count and a hash of their frame files (--no-hash: name and frame
  count only, no reads); their video, image and annotation ids are kept (renumbered, and said, only
  where two different clips hold the same id). A clip
  labelled differently in two inputs is kept as two versions (a project keeps both; a COCO/APTv2
  output is refused until one is chosen). --base: the file every input started from; a copy
  still equal to it does not stand against another input&apos;s edit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropagationRunner</name>
    <message>
        <source>A tracking job is already running.</source>
        <translation>Es läuft bereits ein Tracking-Auftrag.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Entry %1 is %2 and cannot become %3.</source>
        <translation>Eintrag %1 ist im Zustand „%2“ und kann nicht zu „%3“ wechseln.</translation>
    </message>
    <message>
        <source>Cannot %1: the clip is %2.</source>
        <translation>„%1“ ist nicht möglich: Der Clip ist im Zustand „%2“.</translation>
    </message>
    <message>
        <source>start a review</source>
        <translation>Prüfung starten</translation>
    </message>
    <message>
        <source>return the clip to the labeller</source>
        <translation>Clip an den Beschrifter zurückgeben</translation>
    </message>
    <message>
        <source>submit fixes</source>
        <translation>Korrekturen einreichen</translation>
    </message>
    <message numerus="yes">
        <source>%n error-list entries are still open.</source>
        <translation>
            <numerusform>%n Eintrag der Fehlerliste ist noch offen.</numerusform>
            <numerusform>%n Einträge der Fehlerliste sind noch offen.</numerusform>
        </translation>
    </message>
    <message>
        <source>accept the clip</source>
        <translation>Clip akzeptieren</translation>
    </message>
</context>
<context>
    <name>Review Commands</name>
    <message numerus="yes">
        <source>Add %n Finding(s) to Error List</source>
        <translation>
            <numerusform>%n Befund zur Fehlerliste hinzufügen</numerusform>
            <numerusform>%n Befunde zur Fehlerliste hinzufügen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>Undo Commands</name>
    <message>
        <source>Refine</source>
        <translation>Verfeinern</translation>
    </message>
    <message>
        <source>Propagate</source>
        <translation>Propagieren</translation>
    </message>
    <message>
        <source>Add Animal</source>
        <translation>Tier hinzufügen</translation>
    </message>
    <message>
        <source>Remove Animal</source>
        <translation>Tier entfernen</translation>
    </message>
    <message>
        <source>Change Track Id</source>
        <translation>Track-ID ändern</translation>
    </message>
    <message>
        <source>Swap Animals from Frame</source>
        <translation>Tiere ab Bild tauschen</translation>
    </message>
    <message>
        <source>Place Keypoint</source>
        <translation>Schlüsselpunkt setzen</translation>
    </message>
    <message>
        <source>Move Keypoint</source>
        <translation>Schlüsselpunkt verschieben</translation>
    </message>
    <message>
        <source>Clear Keypoint</source>
        <translation>Schlüsselpunkt löschen</translation>
    </message>
    <message>
        <source>Mark Keypoint Occluded</source>
        <translation>Schlüsselpunkt als verdeckt markieren</translation>
    </message>
    <message>
        <source>Mark Keypoint Visible</source>
        <translation>Schlüsselpunkt als sichtbar markieren</translation>
    </message>
    <message>
        <source>Swap Left and Right</source>
        <translation>Links und rechts tauschen</translation>
    </message>
    <message>
        <source>Approve Frame</source>
        <translation>Bild freigeben</translation>
    </message>
    <message>
        <source>Copy Animal from Frame</source>
        <translation>Tier aus Bild kopieren</translation>
    </message>
    <message>
        <source>Add Species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such animal or species.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 have different keypoints; the labels would lose their meaning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed after acceptance of round %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished">unbenannt</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n animal-frame(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::app</name>
    <message>
        <source>paddock check: --severity must be info, warning or error, not &apos;%1&apos;</source>
        <translation>paddock check: --severity muss info, warning oder error sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock check: unexpected argument &apos;%1&apos;</source>
        <translation>paddock check: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock check: %1</source>
        <translation>paddock check: %1</translation>
    </message>
    <message>
        <source>paddock check: %1 has no clip &apos;%2&apos; (clips: %3)</source>
        <translation>paddock check: %1 hat keinen Clip &apos;%2&apos; (Clips: %3)</translation>
    </message>
    <message>
        <source>paddock compare: --worst needs a number, not &apos;%1&apos;</source>
        <translation>paddock compare: --worst braucht eine Zahl, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock compare: unknown option &apos;%1&apos;</source>
        <translation>paddock compare: unbekannte Option &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock compare: %1</source>
        <translation>paddock compare: %1</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>Clip %1</translation>
    </message>
    <message>
        <source>paddock compare: %1 and %2 have no clip in common (matched by name or video id)</source>
        <translation>paddock compare: %1 und %2 haben keinen gemeinsamen Clip (abgeglichen nach Name oder Video-ID)</translation>
    </message>
    <message>
        <source>paddock bench checks: unexpected argument &apos;%1&apos;</source>
        <translation>paddock bench checks: unerwartetes Argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock bench checks: give a labels file (../shared/eval/flies/gt.json was not found)</source>
        <translation>paddock bench checks: Geben Sie eine Beschriftungsdatei an (../shared/eval/flies/gt.json wurde nicht gefunden)</translation>
    </message>
    <message>
        <source>paddock bench checks: %1</source>
        <translation>paddock bench checks: %1</translation>
    </message>
    <message>
        <source>file: %1 (%2 clips, %3 frames, %4 animals, %5 points), read in %6 ms</source>
        <translation>Datei: %1 (%2 Clips, %3 Bilder, %4 Tiere, %5 Punkte), gelesen in %6 ms</translation>
    </message>
    <message>
        <source>all checks: %1 over %2 runs; %3 findings</source>
        <translation>alle Prüfungen: %1 über %2 Durchläufe; %3 Befunde</translation>
    </message>
    <message>
        <source>paddock demo: %1</source>
        <translation>paddock demo: %1</translation>
    </message>
    <message>
        <source>demo clip: %1 frames of %2x%3 in %4</source>
        <translation>Demo-Clip: %1 Bilder mit %2x%3 in %4</translation>
    </message>
    <message>
        <source>labelled frames: %1 (every %2th and the last, from the ground truth)</source>
        <translation>beschriftete Bilder: %1 (jedes %2. und das letzte, aus der Ground Truth)</translation>
    </message>
    <message>
        <source>paddock demo: propagation failed: %1</source>
        <translation>paddock demo: Propagierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>propagated with the %1 tracker in %2 s; APTv2 JSON: %3</source>
        <translation>mit dem Tracker %1 in %2 s propagiert; APTv2-JSON: %3</translation>
    </message>
    <message>
        <source>error against the ground truth on %1 unlabelled keypoints: mean %2 px, median %3 px, within 4 px %4%</source>
        <translation>Fehler gegenüber der Ground Truth an %1 unbeschrifteten Schlüsselpunkten: Mittelwert %2 px, Median %3 px, innerhalb von 4 px %4%</translation>
    </message>
    <message>
        <source>linear interpolation for comparison: mean %1 px, median %2 px, within 4 px %3%</source>
        <translation>lineare Interpolation zum Vergleich: Mittelwert %1 px, Median %2 px, innerhalb von 4 px %3%</translation>
    </message>
    <message>
        <source>paddock demo: unknown argument %1 (usage: paddock demo [--headless] [--out DIR])</source>
        <translation>paddock demo: unbekanntes Argument %1 (Aufruf: paddock demo [--headless] [--out VERZEICHNIS])</translation>
    </message>
    <message>
        <source>paddock demo: cannot create %1</source>
        <translation>paddock demo: %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>paddock info: %1</source>
        <translation>paddock info: %1</translation>
    </message>
    <message>
        <source>paddock propagate: unknown option %1</source>
        <translation>paddock propagate: unbekannte Option %1</translation>
    </message>
    <message>
        <source>paddock propagate: unexpected argument %1</source>
        <translation>paddock propagate: unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>paddock propagate: %1 needs a value</source>
        <translation>paddock propagate: %1 braucht einen Wert</translation>
    </message>
    <message>
        <source>paddock propagate: %1</source>
        <translation>paddock propagate: %1</translation>
    </message>
    <message>
        <source>propagated %1 keypoints over frames %2..%3 with the %4 tracker in %5 s; wrote %6</source>
        <translation>%1 Schlüsselpunkte über die Bilder %2..%3 mit dem Tracker %4 in %5 s propagiert; %6 geschrieben</translation>
    </message>
    <message>
        <source>paddock bench checks: %1 needs gt.json, sparse-every-%2.json and a video or frames/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, labels every %2 frames, default tracker (%3 s); %4 tracker points on ground-truth frames, %5 more than 10% of the animal&apos;s size off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label checks %1 s, image checks %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock bench checks: frame %1 of %2 does not hold two animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracks %1 and %2 exchanged on labelled frame %3:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  identity findings on the clean input: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  on the planted input (labels only): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  on its propagated output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  on the clean propagated output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: paddock check LABELS.json [--clip CLIP] [--video VIDEO|FRAMES] [--json] [--severity info|warning|error]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock check: %1 has %2 clips; say which one --video shows with --clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock check: %1 labels frame %2, but %3 has %4 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking frames: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock check: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock merge: unknown option &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock merge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock merge: %1; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock merge: --base %1; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a .paddock project to keep both versions for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock merge: %1 (the merged file %2 was written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged %1 inputs into %2 clips in %3 s (reading %4 s, matching %5 s); wrote %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: video %2 (%3) is not in the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: video %2 has labels on frame %3, but the dataset&apos;s clip has %4 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock propagate: %1 needs a whole number &gt;= %2, not &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock propagate: CLIP, --labels and --out are required (--labels is optional for a dataset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock propagate: --clips and --shard need a dataset (a COCO/APTv2 .json file), not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has several clips and none is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 labels frame %2, but %3 has %4 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock propagate: cancelled after %1 of %2 clips; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock propagate: cancelled; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no labelled keypoints: label at least one frame of the animal first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock propagate: clip %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all %1 clips failed; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>propagated %1 keypoints in %2 of %3 clips with %4 jobs in %5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 without labels left as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 FAILED (listed above), written without propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: paddock info CLIP|DATASET   (a video file, a folder of frame images, or a COCO/APTv2/PoseTrack file, project or project store: its clips)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::app::ProgressPrinter</name>
    <message>
        <source>propagating: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>propagating: %1/%2 clips, %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, about %1 s left</source>
        <translation type="unfinished">, noch etwa %1 s</translation>
    </message>
</context>
<context>
    <name>paddock::core</name>
    <message>
        <source>clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>category id</source>
        <translation>Kategorie-ID</translation>
    </message>
    <message>
        <source>is not in the project</source>
        <translation>ist nicht im Projekt</translation>
    </message>
    <message>
        <source>keypoints, but category</source>
        <translation>Schlüsselpunkte, aber Kategorie</translation>
    </message>
    <message>
        <source>has</source>
        <translation>hat</translation>
    </message>
    <message>
        <source>is not a list of pairs</source>
        <translation>ist keine Liste von Paaren</translation>
    </message>
    <message>
        <source>has an entry that is not a pair of indices</source>
        <translation>hat einen Eintrag, der kein Indexpaar ist</translation>
    </message>
    <message>
        <source>refers to a keypoint that does not exist</source>
        <translation>verweist auf einen nicht vorhandenen Schlüsselpunkt</translation>
    </message>
    <message>
        <source>with</source>
        <translation>bei</translation>
    </message>
    <message>
        <source>keypoints</source>
        <translation>Schlüsselpunkten</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos; (the keypoint names)</source>
        <translation>&apos;keypoints&apos; fehlt (die Namen der Schlüsselpunkte)</translation>
    </message>
    <message>
        <source>a keypoint name is not a string</source>
        <translation>ein Schlüsselpunktname ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos;</source>
        <translation>&apos;keypoints&apos; fehlt</translation>
    </message>
    <message>
        <source>keypoint values; category</source>
        <translation>Schlüsselpunktwerte; Kategorie</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>braucht</translation>
    </message>
    <message>
        <source>keypoints x 3</source>
        <translation>Schlüsselpunkte x 3</translation>
    </message>
    <message>
        <source>keypoint</source>
        <translation>Schlüsselpunkt</translation>
    </message>
    <message>
        <source>value is not a number</source>
        <translation>Wert ist keine Zahl</translation>
    </message>
    <message>
        <source>coordinate is NaN or infinite</source>
        <translation>Koordinate ist NaN oder unendlich</translation>
    </message>
    <message>
        <source>visibility must be 0, 1 or 2, not</source>
        <translation>Sichtbarkeit muss 0, 1 oder 2 sein, nicht</translation>
    </message>
    <message>
        <source>is outside the image</source>
        <translation>liegt außerhalb des Bildes</translation>
    </message>
    <message>
        <source>not a COCO file: the top level is not an object</source>
        <translation>keine COCO-Datei: die oberste Ebene ist kein Objekt</translation>
    </message>
    <message>
        <source>not a COCO keypoint file: missing</source>
        <translation>keine COCO-Schlüsselpunktdatei: es fehlt die</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>duplicate category id</source>
        <translation>doppelte Kategorie-ID</translation>
    </message>
    <message>
        <source>missing &apos;id&apos;</source>
        <translation>&apos;id&apos; fehlt</translation>
    </message>
    <message>
        <source>negative width or height</source>
        <translation>negative Breite oder Höhe</translation>
    </message>
    <message>
        <source>duplicate image id</source>
        <translation>doppelte Bild-ID</translation>
    </message>
    <message>
        <source>&apos;annotations&apos; is not a list</source>
        <translation>&apos;annotations&apos; ist keine Liste</translation>
    </message>
    <message>
        <source>duplicate annotation id</source>
        <translation>doppelte Annotations-ID</translation>
    </message>
    <message>
        <source>unknown image id</source>
        <translation>unbekannte Bild-ID</translation>
    </message>
    <message>
        <source>(no such image in &apos;images&apos;)</source>
        <translation>(kein solches Bild in &apos;images&apos;)</translation>
    </message>
    <message>
        <source>unknown category id</source>
        <translation>unbekannte Kategorie-ID</translation>
    </message>
    <message>
        <source>(no such category in &apos;categories&apos;)</source>
        <translation>(keine solche Kategorie in &apos;categories&apos;)</translation>
    </message>
    <message>
        <source>on image</source>
        <translation>auf Bild</translation>
    </message>
    <message>
        <source>&apos;bbox&apos; is not four finite numbers [x, y, w, h]</source>
        <translation>&apos;bbox&apos; besteht nicht aus vier endlichen Zahlen [x, y, w, h]</translation>
    </message>
    <message>
        <source>&apos;track_id&apos; is not an integer</source>
        <translation>&apos;track_id&apos; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>track_id</source>
        <translation>track_id</translation>
    </message>
    <message>
        <source>appears twice on image</source>
        <translation>erscheint doppelt auf Bild</translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: the first row must start with &apos;scorer&apos;</source>
        <translation>keine DeepLabCut-CollectedData-Datei: die erste Zeile muss mit &apos;scorer&apos; beginnen</translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: missing the &apos;bodyparts&apos; header row</source>
        <translation>keine DeepLabCut-CollectedData-Datei: die Kopfzeile &apos;bodyparts&apos; fehlt</translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: missing the &apos;coords&apos; header row</source>
        <translation>keine DeepLabCut-CollectedData-Datei: die Kopfzeile &apos;coords&apos; fehlt</translation>
    </message>
    <message>
        <source>no data columns after the index</source>
        <translation>keine Datenspalten nach dem Index</translation>
    </message>
    <message>
        <source>the header rows do not have the same number of columns</source>
        <translation>die Kopfzeilen haben nicht gleich viele Spalten</translation>
    </message>
    <message>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>empty body part name</source>
        <translation>leerer Körperteilname</translation>
    </message>
    <message>
        <source>unknown coordinate</source>
        <translation>unbekannte Koordinate</translation>
    </message>
    <message>
        <source>expected x, y or likelihood</source>
        <translation>erwartet: x, y oder likelihood</translation>
    </message>
    <message>
        <source>has two</source>
        <translation>hat zwei</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>body part</source>
        <translation>Körperteil</translation>
    </message>
    <message>
        <source>needs both an x and a y column</source>
        <translation>braucht sowohl eine x- als auch eine y-Spalte</translation>
    </message>
    <message>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>cells, the header has</source>
        <translation>Zellen, die Kopfzeile hat</translation>
    </message>
    <message>
        <source>no image path</source>
        <translation>kein Bildpfad</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>of</source>
        <translation>von</translation>
    </message>
    <message>
        <source>a value is not a number</source>
        <translation>ein Wert ist keine Zahl</translation>
    </message>
    <message>
        <source>has only one of x and y</source>
        <translation>hat nur einen der Werte x und y</translation>
    </message>
    <message>
        <source>coordinate is infinite</source>
        <translation>Koordinate ist unendlich</translation>
    </message>
    <message>
        <source>a DeepLabCut CSV holds one clip; this project has</source>
        <translation>eine DeepLabCut-CSV enthält genau einen Clip; dieses Projekt hat</translation>
    </message>
    <message>
        <source>choose one with --clip</source>
        <translation>wählen Sie einen mit --clip</translation>
    </message>
    <message>
        <source>the animals of the clip have different skeletons; a DeepLabCut CSV needs one</source>
        <translation>die Tiere des Clips haben unterschiedliche Skelette; eine DeepLabCut-CSV braucht ein einheitliches</translation>
    </message>
    <message>
        <source>the project has no skeleton (category)</source>
        <translation>das Projekt hat kein Skelett (keine Kategorie)</translation>
    </message>
    <message>
        <source>is not an array</source>
        <translation>ist kein Array</translation>
    </message>
    <message>
        <source>has a pair that is not two keypoint indices</source>
        <translation>enthält ein Paar, das nicht aus zwei Schlüsselpunkt-Indizes besteht</translation>
    </message>
    <message>
        <source>not a Paddock project file (no &quot;format&quot;: &quot;paddock-project&quot;)</source>
        <translation>keine Paddock-Projektdatei (kein &quot;format&quot;: &quot;paddock-project&quot;)</translation>
    </message>
    <message>
        <source>missing or invalid &apos;version&apos;</source>
        <translation>&apos;version&apos; fehlt oder ist ungültig</translation>
    </message>
    <message>
        <source>written by a newer version of Paddock (project format version</source>
        <translation>von einer neueren Paddock-Version geschrieben (Projektformat-Version</translation>
    </message>
    <message>
        <source>this version reads up to</source>
        <translation>diese Version liest bis</translation>
    </message>
    <message>
        <source>Update Paddock to open it.</source>
        <translation>Aktualisieren Sie Paddock, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>missing &apos;clips&apos;</source>
        <translation>&apos;clips&apos; fehlt</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Nothing to return: the error list has no open entry.</source>
        <translation>Nichts zurückzugeben: Die Fehlerliste hat keinen offenen Eintrag.</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a file, not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot encode the frame image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no image file; COCO and APTv2 name image files, so write the frames as images (a frames folder) to export this clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the other images of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>have a frame_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>are found by file name in the clip folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no annotations, so it is left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell which frame its</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotation(s) belong to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lenient mode leaves it out with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no frame_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a frame index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not in the clip folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shows frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged files? give each frame one image entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no frame_id and no file name found in the clip folder: frames follow the order of image ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame_id values are global ids; frame 0 is frame_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fields Paddock does not read (not kept on export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added it as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the skeleton all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed categories share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every labelled keypoint has visibility 1 (labelled, not visible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some datasets (Animal Kingdom, PoseTrack) write 1 for every labelled point, so this file may not tell visible from occluded: read as written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cut-off row?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a pixel position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels from the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clip has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>animals; a single-animal DeepLabCut CSV holds one (use the multi-animal layout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the frame images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no frame images written: DeepLabCut needs them in labeled-data/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project has no clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has other keypoints than in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these are not files of the same dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same labels, but</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has other review rounds; kept those of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>against version 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from one input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same in several</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labelled differently (kept as versions to choose from)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited in one input only (taken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its video id (now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotation ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renumbered: other clips of the merge have them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ids renumbered (held by other clips of the merge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every other id is the input&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::core::AtomicFile</name>
    <message>
        <source>is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation type="unfinished">kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot replace the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written, but its folder cannot be synced to disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::core::detail</name>
    <message>
        <source>cannot create the autosave folder</source>
        <translation>der Ordner für die automatische Sicherung kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>NaN or Infinity is not a number JSON allows</source>
        <translation>NaN oder Infinity ist in JSON keine zulässige Zahl</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>truncated?</source>
        <translation>abgeschnitten?</translation>
    </message>
    <message>
        <source>at</source>
        <translation>bei</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>es fehlt</translation>
    </message>
    <message>
        <source>is not an integer</source>
        <translation>ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>is not a finite number</source>
        <translation>ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation>ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>&apos;xy&apos;, &apos;v&apos; and &apos;s&apos; do not describe the same number of keypoints</source>
        <translation>&apos;xy&apos;, &apos;v&apos; und &apos;s&apos; beschreiben nicht dieselbe Anzahl von Schlüsselpunkten</translation>
    </message>
    <message>
        <source>&apos;q&apos; does not have one score per keypoint</source>
        <translation>&apos;q&apos; hat nicht genau eine Bewertung pro Schlüsselpunkt</translation>
    </message>
    <message>
        <source>keypoint</source>
        <translation>Schlüsselpunkt</translation>
    </message>
    <message>
        <source>coordinate is not a number</source>
        <translation>Koordinate ist keine Zahl</translation>
    </message>
    <message>
        <source>unknown visibility</source>
        <translation>unbekannte Sichtbarkeit</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unbekannte Quelle</translation>
    </message>
    <message>
        <source>score is not a number</source>
        <translation>Bewertung ist keine Zahl</translation>
    </message>
    <message>
        <source>&apos;bbox&apos; is not four numbers</source>
        <translation>&apos;bbox&apos; besteht nicht aus vier Zahlen</translation>
    </message>
    <message>
        <source>not an array</source>
        <translation>kein Array</translation>
    </message>
    <message>
        <source>negative frame index</source>
        <translation>negativer Bildindex</translation>
    </message>
    <message>
        <source>missing &apos;a&apos; (the instances)</source>
        <translation>&apos;a&apos; fehlt (die Instanzen)</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation>doppelt aufgeführt</translation>
    </message>
    <message>
        <source>track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>appears twice on frame</source>
        <translation>erscheint doppelt auf Bild</translation>
    </message>
    <message>
        <source>unknown error type or state</source>
        <translation>unbekannter Fehlertyp oder Status</translation>
    </message>
    <message>
        <source>&apos;suggested&apos; is not two numbers</source>
        <translation>&apos;suggested&apos; besteht nicht aus zwei Zahlen</translation>
    </message>
    <message>
        <source>unknown round state</source>
        <translation>unbekannter Rundenstatus</translation>
    </message>
    <message>
        <source>not a Paddock journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal has no valid header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists or objects nested more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>levels deep at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no file Paddock reads nests this deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos; (the keypoint names)</source>
        <translation type="unfinished">&apos;keypoints&apos; fehlt (die Namen der Schlüsselpunkte)</translation>
    </message>
    <message>
        <source>a keypoint name is not a string</source>
        <translation type="unfinished">ein Schlüsselpunktname ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>&apos;sigmas&apos; does not have one value per keypoint</source>
        <translation type="unfinished">&apos;sigmas&apos; hat nicht genau einen Wert pro Schlüsselpunkt</translation>
    </message>
    <message>
        <source>a sigma is not a number</source>
        <translation type="unfinished">ein Sigma-Wert ist keine Zahl</translation>
    </message>
    <message>
        <source>expected [file name, image id, width, height]</source>
        <translation type="unfinished">erwartet [Dateiname, Bild-ID, Breite, Höhe]</translation>
    </message>
    <message>
        <source>track id</source>
        <translation type="unfinished">Track-ID</translation>
    </message>
    <message>
        <source>is used twice</source>
        <translation type="unfinished">wird doppelt verwendet</translation>
    </message>
    <message>
        <source>missing &apos;categories&apos;</source>
        <translation type="unfinished">&apos;categories&apos; fehlt</translation>
    </message>
    <message>
        <source>category id</source>
        <translation type="unfinished">Kategorie-ID</translation>
    </message>
    <message>
        <source>is not true or false</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::store</name>
    <message>
        <source>not a Paddock project store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Paddock project store (no format &quot;paddock-store&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or invalid store version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by a newer version of Paddock (store version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this version reads up to</source>
        <translation type="unfinished">diese Version liest bis</translation>
    </message>
    <message>
        <source>Update Paddock to open it.</source>
        <translation type="unfinished">Aktualisieren Sie Paddock, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>the store has no id or generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Paddock project store (not an SQLite database)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::store::Connection</name>
    <message>
        <source>the SQLite driver of Qt SQL (QSQLITE) is not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::store::ProjectStore</name>
    <message>
        <source>not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished">Datei nicht gefunden</translation>
    </message>
    <message>
        <source>not a Paddock project store (not an SQLite database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip rows are not numbered 0, 1, 2, ... (row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no project store is open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::AcceptEntry</name>
    <message>
        <source>Accept Error Entry</source>
        <translation>Fehlereintrag akzeptieren</translation>
    </message>
</context>
<context>
    <name>paddock::ui::AddAnimalDialog</name>
    <message>
        <source>Add Animal</source>
        <translation>Tier hinzufügen</translation>
    </message>
    <message>
        <source>%1 (%2, %3 keypoints)</source>
        <translation>%1 (%2, %3 Schlüsselpunkte)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Species:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Track id:</source>
        <translation>Track-ID:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>New Species…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Define a species that is not in the list (name, family, skeleton)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New species “%1” (%2, %3 keypoints) will be added with the animal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a species.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No species “%1” in this project. Choose one from the list, or press New Species… to add it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::AnimalsDock</name>
    <message>
        <source>unknown species</source>
        <translation>unbekannte Art</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2 (%3)</translation>
    </message>
    <message>
        <source> — %1/%2 here</source>
        <translation> — %1/%2 hier</translation>
    </message>
    <message>
        <source>Animals</source>
        <translation>Tiere</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add an animal (species from AP-10K or the project)</source>
        <translation>Ein Tier hinzufügen (Art aus AP-10K oder dem Projekt)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Track Id…</source>
        <translation>Track-ID…</translation>
    </message>
    <message>
        <source>Swap…</source>
        <translation>Tauschen…</translation>
    </message>
    <message>
        <source>Swap this animal&apos;s labels with another animal&apos;s from the current frame on</source>
        <translation>Die Beschriftungen dieses Tieres ab dem aktuellen Bild mit denen eines anderen Tieres tauschen</translation>
    </message>
    <message>
        <source>Change Track Id</source>
        <translation>Track-ID ändern</translation>
    </message>
    <message>
        <source>New track id for animal #%1 (an id in use is swapped):</source>
        <translation>Neue Track-ID für Tier #%1 (eine belegte ID wird getauscht):</translation>
    </message>
    <message>
        <source>Swap Animals</source>
        <translation>Tiere tauschen</translation>
    </message>
    <message>
        <source>Swap animal #%1 with (from frame %2 on):</source>
        <translation>Tier #%1 tauschen mit (ab Bild %2):</translation>
    </message>
    <message>
        <source>Species…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this animal&apos;s species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoints (click one to place it next):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keypoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label next (lowest tracker score first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames far from the labelled ones where the tracker is least sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracker %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 — mean tracker score %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 — far from labelled frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frame to suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer mode: animals are read-only (switch to labeller mode to add one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Animal</source>
        <translation type="unfinished">Tier hinzufügen</translation>
    </message>
    <message>
        <source>Reviewer mode: animals are read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Species of animal #%1 (on every frame):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ApplySuggestion</name>
    <message>
        <source>Apply Suggested Position</source>
        <translation>Vorgeschlagene Position übernehmen</translation>
    </message>
    <message>
        <source>There is no error entry %1.</source>
        <translation>Es gibt keinen Fehlereintrag %1.</translation>
    </message>
    <message>
        <source>Entry %1 has no suggested position for a keypoint.</source>
        <translation>Eintrag %1 hat keine vorgeschlagene Position für einen Schlüsselpunkt.</translation>
    </message>
</context>
<context>
    <name>paddock::ui::BatchProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the propagation of all clips (clips already done keep their results)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation type="unfinished">noch %1 s</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished">noch %1 min</translation>
    </message>
    <message>
        <source>All clips: %1 / %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clips: %1 / %2 (%3) — %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::BatchPropagation</name>
    <message>
        <source>Propagation of all clips is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip needs propagation: every clip with labels is propagated, or waits for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clip is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewer mode: tracker results are not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited again while it was propagated: propagate it yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its review state changed while it was propagated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate clip %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited during its first run: propagated again from the new labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation of all clips cancelled after %1 of %2 clips: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagated %1 clips in %2 s: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 updated, %2 unchanged, %3 skipped, %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; and more (see the clip browser)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ChooseVersion</name>
    <message>
        <source>Bring back every version of %1</source>
        <translation>Alle Versionen von %1 zurückholen</translation>
    </message>
    <message>
        <source>Keep the version of %1 from %2</source>
        <translation>Version von %1 aus %2 behalten</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ClipBrowserDock</name>
    <message>
        <source>Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search clips (name or video id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only clips in this state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip matches the browser&apos;s filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last clip of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First clip of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review queue is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last clip of the review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n in the review queue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep This Version</source>
        <translation>Diese Version behalten</translation>
    </message>
    <message>
        <source>Keep the selected version of this clip and set its other versions aside</source>
        <translation>Die gewählte Version dieses Clips behalten und die anderen Versionen zurückstellen</translation>
    </message>
    <message>
        <source>Bring Back All Versions</source>
        <translation>Alle Versionen zurückholen</translation>
    </message>
    <message>
        <source>Take the choice back: every version of this clip waits for a choice again</source>
        <translation>Die Wahl zurücknehmen: alle Versionen dieses Clips warten wieder auf eine Wahl</translation>
    </message>
    <message>
        <source>Version %1 of %2 (from %3) is the one kept; the others are set aside.</source>
        <translation>Version %1 von %2 (aus %3) ist die behaltene; die anderen sind zurückgestellt.</translation>
    </message>
    <message>
        <source>Version %1 of %2 (from %3) is set aside.</source>
        <translation>Version %1 von %2 (aus %3) ist zurückgestellt.</translation>
    </message>
    <message>
        <source>Version %1 of %2 (from %3): %4 versions wait for your choice.</source>
        <translation>Version %1 von %2 (aus %3): %4 Versionen warten auf Ihre Wahl.</translation>
    </message>
    <message>
        <source>This clip has no versions from a merge to choose among</source>
        <translation>Dieser Clip hat keine Versionen aus einer Zusammenführung zur Auswahl</translation>
    </message>
    <message>
        <source>Every version of this clip is already back</source>
        <translation>Alle Versionen dieses Clips sind schon zurück</translation>
    </message>
    <message>
        <source>This version is already the one kept</source>
        <translation>Diese Version ist bereits die behaltene</translation>
    </message>
    <message>
        <source>Every version of this clip waits for a choice again</source>
        <translation>Alle Versionen dieses Clips warten wieder auf eine Wahl</translation>
    </message>
    <message>
        <source>Version kept; the other versions are set aside (Undo takes the choice back)</source>
        <translation>Version behalten; die anderen Versionen sind zurückgestellt (Rückgängig nimmt die Wahl zurück)</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ClipFilterProxy</name>
    <message>
        <source>All clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker output not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labelled, not submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned to the labeller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished">Akzeptiert</translation>
    </message>
    <message>
        <source>With open findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions to choose</source>
        <translation>Versionen zur Wahl</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ClipTableModel</name>
    <message>
        <source>labelling</source>
        <translation type="unfinished">in Beschriftung</translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished">in Prüfung</translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished">zurückgegeben</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation type="unfinished">korrigiert</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished">akzeptiert</translation>
    </message>
    <message>
        <source>unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames with labels a person placed, %2 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 frames with tracker output nobody approved yet, %2 points; %3 frames still to propagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tracker points approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open, %2 fixed (waiting for the reviewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tracker points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tracker points below score %2; mean score %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip</source>
        <translation type="unfinished">Clip</translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animals</source>
        <translation type="unfinished">Tiere</translation>
    </message>
    <message>
        <source>Labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Labeller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doubt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video id (APTv2 video_id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames with labels a person placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames with tracker output nobody approved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker points a person approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open findings (and fixed ones waiting for the reviewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker points with a low score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · version %2/%3 (%4)</source>
        <translation>%1 · Version %2/%3 (%4)</translation>
    </message>
    <message>
        <source>set aside</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <source>choose version</source>
        <translation>Version wählen</translation>
    </message>
    <message>
        <source>A version from a merge that the reviewer did not choose: its labels are kept, but export, propagation and the review queue leave it out</source>
        <translation>Eine Version aus einer Zusammenführung, die der Prüfer nicht gewählt hat: ihre Labels bleiben erhalten, aber Export, Propagierung und die Prüfwarteschlange lassen sie aus</translation>
    </message>
    <message>
        <source>Paddock merge kept %1 versions of this clip, labelled differently: open each, then choose one with Keep This Version</source>
        <translation>paddock merge hat %1 unterschiedlich gelabelte Versionen dieses Clips behalten: öffnen Sie jede und wählen Sie dann eine mit „Diese Version behalten“</translation>
    </message>
    <message>
        <source>No labeller recorded (names are recorded when a labeller submits the clip for review or marks findings fixed)</source>
        <translation>Kein Labeller erfasst (Namen werden erfasst, wenn ein Labeller den Clip zur Prüfung einreicht oder Befunde als behoben markiert)</translation>
    </message>
    <message>
        <source>Version %1 of %2, from %3</source>
        <translation>Version %1 von %2, aus %3</translation>
    </message>
    <message>
        <source>Against version 1: %1 animals on frames in both, %2 points compared, mean distance %3 px, mean OKS %4; %5 animals only in version 1, %6 only in this one</source>
        <translation>Gegenüber Version 1: %1 Tiere auf Frames in beiden, %2 Punkte verglichen, mittlerer Abstand %3 px, mittlere OKS %4; %5 Tiere nur in Version 1, %6 nur in dieser</translation>
    </message>
</context>
<context>
    <name>paddock::ui::CorrectKeypoint</name>
    <message>
        <source>Correct Keypoint</source>
        <translation>Schlüsselpunkt korrigieren</translation>
    </message>
</context>
<context>
    <name>paddock::ui::Document</name>
    <message>
        <source>The journal changes clip %1, which the project does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ErrorListModel</name>
    <message>
        <source>Wrong position</source>
        <translation>Falsche Position</translation>
    </message>
    <message>
        <source>Left/right swapped</source>
        <translation>Links/rechts vertauscht</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Should be occluded</source>
        <translation>Sollte verdeckt sein</translation>
    </message>
    <message>
        <source>Should be unlabelled</source>
        <translation>Sollte unbeschriftet sein</translation>
    </message>
    <message>
        <source>Wrong species</source>
        <translation>Falsche Art</translation>
    </message>
    <message>
        <source>Wrong track id</source>
        <translation>Falsche Track-ID</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>labelling</source>
        <translation>in Beschriftung</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in Prüfung</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>zurückgegeben</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akzeptiert</translation>
    </message>
    <message>
        <source>(frame)</source>
        <translation>(Bild)</translation>
    </message>
    <message>
        <source>(animal)</source>
        <translation>(Tier)</translation>
    </message>
    <message>
        <source>[→ %1, %2]</source>
        <translation>[→ %1, %2]</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Keypoint</source>
        <translation>Schlüsselpunkt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ExportDialog</name>
    <message>
        <source>Export Labels</source>
        <translation>Beschriftungen exportieren</translation>
    </message>
    <message>
        <source>COCO keypoints (AP-10K)</source>
        <translation>COCO-Schlüsselpunkte (AP-10K)</translation>
    </message>
    <message>
        <source>APTv2 (COCO with videos, track ids, frame ids)</source>
        <translation>APTv2 (COCO mit Videos, Track-IDs, Bild-IDs)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Frames folder:</source>
        <translation>Bilderordner:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>DeepLabCut project (labeled-data: CollectedData CSV and frame images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeepLabCut&apos;s scorer name: the CSV is CollectedData_&lt;scorer&gt;.csv and must match the scorer in the DeepLabCut project&apos;s config.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: multi-animal when a clip has several animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single animal (scorer, bodyparts, coords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-animal (scorer, individuals, bodyparts, coords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What goes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Labels placed by a person or imported (%n point(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracker points a person approved (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracker points of accepted clips, reviewed with the clip (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unreviewed tracker output (%n point(s)), as v=1: not confirmed visible</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Propagated, refined or interpolated points nobody approved. Off by default: a training set should not learn the tracker&apos;s mistakes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the frames as images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Write the frames as images (needed: %n clip(s) have no image files)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scorer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DeepLabCut Project Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unreviewed tracker output (%n point(s)), written as labels</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) go out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n tracker point(s) are left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n unreviewed point(s) go out as ordinary labels (DeepLabCut has no visibility or source)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>. One labeled-data folder per clip, with its frame images; occlusion is not kept (DeepLabCut has no visibility flag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n unreviewed point(s) go out as v=1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::ui::FindingsToEntries</name>
    <message>
        <source>Findings to Error List</source>
        <translation>Befunde in die Fehlerliste übernehmen</translation>
    </message>
    <message>
        <source>Every finding is already on the error list.</source>
        <translation>Alle Befunde stehen bereits auf der Fehlerliste.</translation>
    </message>
</context>
<context>
    <name>paddock::ui::FlagDialog</name>
    <message>
        <source>Suggest position</source>
        <translation>Position vorschlagen</translation>
    </message>
    <message>
        <source>Flag Error on Frame %1</source>
        <translation>Fehler auf Bild %1 melden</translation>
    </message>
    <message>
        <source>Keypoint</source>
        <translation>Schlüsselpunkt</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Flag:</source>
        <translation>Melden für:</translation>
    </message>
    <message>
        <source>Animal:</source>
        <translation>Tier:</translation>
    </message>
    <message>
        <source>Keypoint:</source>
        <translation>Schlüsselpunkt:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
</context>
<context>
    <name>paddock::ui::FlagError</name>
    <message>
        <source>Flag Error</source>
        <translation>Fehler melden</translation>
    </message>
    <message>
        <source>Frame %1 is outside the clip.</source>
        <translation>Bild %1 liegt außerhalb des Clips.</translation>
    </message>
    <message>
        <source>The clip has no animal %1.</source>
        <translation>Der Clip hat kein Tier %1.</translation>
    </message>
    <message>
        <source>A keypoint error needs an animal.</source>
        <translation>Ein Schlüsselpunktfehler braucht ein Tier.</translation>
    </message>
</context>
<context>
    <name>paddock::ui::FrameView</name>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>propagated</source>
        <translation>propagiert</translation>
    </message>
    <message>
        <source>refined</source>
        <translation>verfeinert</translation>
    </message>
    <message>
        <source>interpolated</source>
        <translation>interpoliert</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>Frame view</source>
        <translation>Bildansicht</translation>
    </message>
    <message>
        <source>Open a video or frame folder to start</source>
        <translation>Öffnen Sie ein Video oder einen Bilderordner, um zu beginnen</translation>
    </message>
    <message>
        <source>Add an animal to start labelling</source>
        <translation>Fügen Sie ein Tier hinzu, um mit dem Beschriften zu beginnen</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1: all %2 keypoints labelled</source>
        <translation>%1: alle %2 Schlüsselpunkte beschriftet</translation>
    </message>
    <message>
        <source>%1: click to place %2 (%3/%4)</source>
        <translation>%1: Klicken, um %2 zu setzen (%3/%4)</translation>
    </message>
    <message>
        <source>Mark Visible</source>
        <translation>Als sichtbar markieren</translation>
    </message>
    <message>
        <source>Mark Occluded</source>
        <translation>Als verdeckt markieren</translation>
    </message>
    <message>
        <source>Clear Keypoint</source>
        <translation>Schlüsselpunkt löschen</translation>
    </message>
    <message>
        <source>Place Here as Occluded</source>
        <translation>Hier als verdeckt setzen</translation>
    </message>
    <message>
        <source>Skip This Keypoint</source>
        <translation>Diesen Schlüsselpunkt überspringen</translation>
    </message>
    <message>
        <source>%1 · #%2 · %3</source>
        <translation>%1 · #%2 · %3</translation>
    </message>
    <message>
        <source> %1</source>
        <translation> %1</translation>
    </message>
    <message>
        <source> · occluded</source>
        <translation> · verdeckt</translation>
    </message>
    <message>
        <source>%1: click to place %2 again (%3/%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ImportErrorList</name>
    <message>
        <source>Import Error List</source>
        <translation>Fehlerliste importieren</translation>
    </message>
    <message>
        <source>The error list has nothing new for this clip.</source>
        <translation>Die Fehlerliste enthält nichts Neues für diesen Clip.</translation>
    </message>
</context>
<context>
    <name>paddock::ui::MainWindow</name>
    <message>
        <source>Go to Frame</source>
        <translation>Gehe zu Bild</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <source>Every frame of this animal is labelled</source>
        <translation>Jedes Bild dieses Tieres ist beschriftet</translation>
    </message>
    <message>
        <source>No flagged frames</source>
        <translation>Keine markierten Bilder</translation>
    </message>
    <message>
        <source>No low-score frames</source>
        <translation>Keine Bilder mit niedriger Bewertung</translation>
    </message>
    <message>
        <source>Nothing to approve on this frame</source>
        <translation>Auf diesem Bild gibt es nichts freizugeben</translation>
    </message>
    <message>
        <source>Open a clip first.</source>
        <translation>Öffnen Sie zuerst einen Clip.</translation>
    </message>
    <message>
        <source>Select an animal first.</source>
        <translation>Wählen Sie zuerst ein Tier aus.</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <source>Refine</source>
        <translation>Verfeinern</translation>
    </message>
    <message>
        <source>Propagate</source>
        <translation>Propagieren</translation>
    </message>
    <message>
        <source>Propagate Range</source>
        <translation>Bereich propagieren</translation>
    </message>
    <message>
        <source>All animals</source>
        <translation>Alle Tiere</translation>
    </message>
    <message>
        <source>Refine (re-run after corrections)</source>
        <translation>Verfeinern (nach Korrekturen erneut ausführen)</translation>
    </message>
    <message>
        <source>From frame:</source>
        <translation>Von Bild:</translation>
    </message>
    <message>
        <source>To frame:</source>
        <translation>Bis Bild:</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 finished in %2 s: %3 keypoints updated</source>
        <translation>%1 nach %2 s abgeschlossen: %3 Schlüsselpunkte aktualisiert</translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation>Propagierung</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) skipped while reading; first: %1</source>
        <translation>
            <numerusform>%n Problem beim Lesen übersprungen; erstes: %1</numerusform>
            <numerusform>%n Probleme beim Lesen übersprungen; erstes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no images or videos</source>
        <translation>%1 enthält keine Bilder oder Videos</translation>
    </message>
    <message>
        <source>Choose the Clip</source>
        <translation>Clip auswählen</translation>
    </message>
    <message>
        <source>Choose the video (or any frame image of the folder) these labels belong to.</source>
        <translation>Wählen Sie das Video (oder ein beliebiges Bild des Ordners), zu dem diese Beschriftungen gehören.</translation>
    </message>
    <message>
        <source>Clip for %1</source>
        <translation>Clip für %1</translation>
    </message>
    <message>
        <source>No clip chosen for %1</source>
        <translation>Kein Clip für %1 ausgewählt</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them before closing?</source>
        <translation>Das Projekt hat ungespeicherte Änderungen. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message>
        <source>Paddock found work that was not saved (autosave from %1). Recover it?</source>
        <translation>Paddock hat nicht gespeicherte Arbeit gefunden (automatische Sicherung vom %1). Wiederherstellen?</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>Ungespeicherte Arbeit wiederhergestellt</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Zieldatei für den Export.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Frame %1 could not be read: %2</source>
        <translation>Bild %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation>Propagierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Propagation cancelled</source>
        <translation>Propagierung abgebrochen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export COCO/APTv2…</source>
        <translation>COCO/APTv2 &amp;exportieren…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>S&amp;kip Keypoint</source>
        <translation>Schlüsselpunkt ü&amp;berspringen</translation>
    </message>
    <message>
        <source>Toggle &amp;Occluded</source>
        <translation>&amp;Verdeckt umschalten</translation>
    </message>
    <message>
        <source>&amp;Clear Keypoint</source>
        <translation>Schlüsselpunkt &amp;löschen</translation>
    </message>
    <message>
        <source>Swap &amp;Left and Right</source>
        <translation>Links und rechts &amp;tauschen</translation>
    </message>
    <message>
        <source>&amp;Approve Frame</source>
        <translation>Bild &amp;freigeben</translation>
    </message>
    <message>
        <source>A&amp;nimals</source>
        <translation>&amp;Tiere</translation>
    </message>
    <message>
        <source>&amp;Add Animal…</source>
        <translation>Tier &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove Animal</source>
        <translation>Tier &amp;entfernen</translation>
    </message>
    <message>
        <source>Change &amp;Track Id…</source>
        <translation>&amp;Track-ID ändern…</translation>
    </message>
    <message>
        <source>&amp;Swap Animals from This Frame…</source>
        <translation>Tiere ab diesem Bild &amp;tauschen…</translation>
    </message>
    <message>
        <source>&amp;Next Animal</source>
        <translation>&amp;Nächstes Tier</translation>
    </message>
    <message>
        <source>&amp;Previous Animal</source>
        <translation>&amp;Vorheriges Tier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Larger Markers</source>
        <translation>&amp;Größere Markierungen</translation>
    </message>
    <message>
        <source>&amp;Smaller Markers</source>
        <translation>K&amp;leinere Markierungen</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>&amp;Nächstes Bild</translation>
    </message>
    <message>
        <source>&amp;Previous Frame</source>
        <translation>&amp;Vorheriges Bild</translation>
    </message>
    <message>
        <source>Forward 10 Frames</source>
        <translation>10 Bilder vor</translation>
    </message>
    <message>
        <source>Back 10 Frames</source>
        <translation>10 Bilder zurück</translation>
    </message>
    <message>
        <source>&amp;First Frame</source>
        <translation>&amp;Erstes Bild</translation>
    </message>
    <message>
        <source>&amp;Last Frame</source>
        <translation>&amp;Letztes Bild</translation>
    </message>
    <message>
        <source>&amp;Go to Frame…</source>
        <translation>&amp;Gehe zu Bild…</translation>
    </message>
    <message>
        <source>Play / &amp;Pause</source>
        <translation>Abspielen / &amp;Pause</translation>
    </message>
    <message>
        <source>Next &amp;Unlabelled Frame</source>
        <translation>Nächstes &amp;unbeschriftetes Bild</translation>
    </message>
    <message>
        <source>Next F&amp;lagged Frame</source>
        <translation>Nächstes &amp;markiertes Bild</translation>
    </message>
    <message>
        <source>Next Lo&amp;w-Score Frame</source>
        <translation>Nächstes Bild mit niedriger &amp;Bewertung</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>&amp;Tracking</translation>
    </message>
    <message>
        <source>&amp;Propagate Current Animal</source>
        <translation>Aktuelles Tier &amp;propagieren</translation>
    </message>
    <message>
        <source>Propagate &amp;All Animals</source>
        <translation>&amp;Alle Tiere propagieren</translation>
    </message>
    <message>
        <source>Propagate &amp;Range…</source>
        <translation>&amp;Bereich propagieren…</translation>
    </message>
    <message>
        <source>&amp;Refine After Corrections</source>
        <translation>Nach Korrekturen &amp;verfeinern</translation>
    </message>
    <message>
        <source>&amp;Cancel Tracking</source>
        <translation>Tracking &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>&amp;About Paddock</source>
        <translation>&amp;Über Paddock</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel tracking (Esc)</source>
        <translation>Tracking abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1[*] — Paddock</source>
        <translation>%1[*] — Paddock</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>Bild %1 / %2</translation>
    </message>
    <message>
        <source>About Paddock</source>
        <translation>Über Paddock</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Paddock %1&lt;/h3&gt;&lt;p&gt;Label animal pose in video: click keypoints, propagate them with a point tracker, review.&lt;/p&gt;&lt;p&gt;Licence: Apache-2.0.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), OpenCV (Apache-2.0), FFmpeg (LGPL-2.1+), LibTorch (BSD-3-Clause) and nlohmann/json (MIT).&lt;/p&gt;&lt;p&gt;The optional CoTracker3 model weights are not included: they are licensed CC BY-NC 4.0 (non-commercial use only) by Meta AI and are loaded from a file you choose.&lt;/p&gt;&lt;p&gt;Keypoint layout and species: AP-10K (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Paddock %1&lt;/h3&gt;&lt;p&gt;Tierposen in Videos beschriften: Schlüsselpunkte anklicken, mit einem Punkt-Tracker propagieren, prüfen.&lt;/p&gt;&lt;p&gt;Lizenz: Apache-2.0.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (LGPL-3.0), OpenCV (Apache-2.0), FFmpeg (LGPL-2.1+), LibTorch (BSD-3-Clause) und nlohmann/json (MIT).&lt;/p&gt;&lt;p&gt;Die optionalen CoTracker3-Modellgewichte sind nicht enthalten: Sie stehen unter CC BY-NC 4.0 (nur nicht-kommerzielle Nutzung) von Meta AI und werden aus einer von Ihnen gewählten Datei geladen.&lt;/p&gt;&lt;p&gt;Schlüsselpunkt-Layout und Arten: AP-10K (Apache-2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>&amp;Reviewer Mode</source>
        <translation>&amp;Prüfmodus</translation>
    </message>
    <message>
        <source>&amp;Flag Error…</source>
        <translation>Fehler &amp;melden…</translation>
    </message>
    <message>
        <source>Run Chec&amp;ks</source>
        <translation>Prüfungen &amp;ausführen</translation>
    </message>
    <message>
        <source>&amp;Compare Review Rounds…</source>
        <translation>Prüfrunden &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Open &amp;Frame Folder…</source>
        <translation>&amp;Bilderordner öffnen…</translation>
    </message>
    <message>
        <source>Open Frame Folder</source>
        <translation>Bilderordner öffnen</translation>
    </message>
    <message>
        <source>Animal #%1 has no labelled frame before this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animal #%1 has no labelled frame to copy from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied animal #%1 from frame %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no clip %1.</source>
        <translation type="unfinished">Es gibt keinen Clip %1.</translation>
    </message>
    <message>
        <source>Reviewers do not propagate; switch to labeller mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagating all clips that need it; keep working, each clip is one undo step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate All Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All supported (*.paddock *.paddockdb *.mp4 *.avi *.mov *.mkv *.webm *.json *.csv);;Paddock projects (*.paddock *.paddockdb);;Videos (*.mp4 *.avi *.mov *.mkv *.webm);;COCO / AP-10K / APTv2 (*.json);;DeepLabCut CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project was not saved; it stays marked as modified.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paddock project store (*.paddockdb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paddock project, JSON (*.paddock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash protection is not working (cannot write the journal): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paddock found work that was not saved (last change %1). Recover it, with its undo history?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edits since the last autosave could not be replayed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s), %1 frame(s), %2 point(s), %3 image(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>DeepLabCut cannot hold: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Animal from &amp;Nearest Labelled Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Animal from &amp;Last Labelled Frame Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Species…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New S&amp;pecies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show S&amp;keleton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by &amp;Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each animal in its own colour (left points lighter, right points darker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clip Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Cl&amp;ip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate All C&amp;lips That Need It</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Propagation of All Clips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Clip in Review &amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::MarkEntryFixed</name>
    <message>
        <source>Mark Error Fixed</source>
        <translation>Fehler als behoben markieren</translation>
    </message>
</context>
<context>
    <name>paddock::ui::NewSpeciesDialog</name>
    <message>
        <source>New Species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AP-10K (17 keypoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As %1 (%2 keypoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished">Name:</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skeleton:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the species a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project already has a species “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::RemoveEntry</name>
    <message>
        <source>Remove Error Entry</source>
        <translation>Fehlereintrag entfernen</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReopenEntry</name>
    <message>
        <source>Reopen Error Entry</source>
        <translation>Fehlereintrag wieder öffnen</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReviewDock</name>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Reviewer mode: labels are read-only (“%1” refused). Flag the point, or apply a suggested position as a correction.</source>
        <translation>Prüfmodus: Beschriftungen sind schreibgeschützt („%1“ abgelehnt). Melden Sie den Punkt oder übernehmen Sie eine vorgeschlagene Position als Korrektur.</translation>
    </message>
    <message>
        <source>All errors</source>
        <translation>Alle Fehler</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>To do (open, reopened)</source>
        <translation>Zu erledigen (offen, wieder geöffnet)</translation>
    </message>
    <message>
        <source>This frame</source>
        <translation>Dieses Bild</translation>
    </message>
    <message>
        <source>Flag…</source>
        <translation>Melden…</translation>
    </message>
    <message>
        <source>Flag the selected keypoint, animal or this frame (reviewer)</source>
        <translation>Den ausgewählten Schlüsselpunkt, das ausgewählte Tier oder dieses Bild melden (Prüfer)</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Mark the selected entry fixed (labeller)</source>
        <translation>Den ausgewählten Eintrag als behoben markieren (Beschrifter)</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Akzeptieren</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Apply suggestion</source>
        <translation>Vorschlag übernehmen</translation>
    </message>
    <message>
        <source>Move the point to the suggested position and accept (reviewer correction)</source>
        <translation>Den Punkt an die vorgeschlagene Position verschieben und akzeptieren (Korrektur durch Prüfer)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Prüfungen ausführen</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>Zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>Add all</source>
        <translation>Alle hinzufügen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Compare rounds…</source>
        <translation>Runden vergleichen…</translation>
    </message>
    <message>
        <source>Reviewer Mode</source>
        <translation>Prüfmodus</translation>
    </message>
    <message>
        <source>Your name (recorded on flags and rounds):</source>
        <translation>Ihr Name (wird bei Meldungen und Runden gespeichert):</translation>
    </message>
    <message>
        <source>Reviewer mode: labels are read-only; flag errors, accept or reopen fixes.</source>
        <translation>Prüfmodus: Beschriftungen sind schreibgeschützt; Fehler melden, Korrekturen akzeptieren oder wieder öffnen.</translation>
    </message>
    <message>
        <source>Labeller mode: fix the open entries and mark them fixed.</source>
        <translation>Beschriftungsmodus: Beheben Sie die offenen Einträge und markieren Sie sie als behoben.</translation>
    </message>
    <message>
        <source>No clip is open.</source>
        <translation>Es ist kein Clip geöffnet.</translation>
    </message>
    <message>
        <source>What is still wrong (optional):</source>
        <translation>Was ist noch falsch (optional):</translation>
    </message>
    <message>
        <source>The checks found nothing.</source>
        <translation>Die Prüfungen haben nichts gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s).</source>
        <translation>
            <numerusform>%n Befund.</numerusform>
            <numerusform>%n Befunde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) added to the error list.</source>
        <translation>
            <numerusform>%n Eintrag zur Fehlerliste hinzugefügt.</numerusform>
            <numerusform>%n Einträge zur Fehlerliste hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry(ies) to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 kept local.</source>
        <translation>Importiert: %1 neu, %2 aktualisiert, %3 unverändert, %4 lokal beibehalten.</translation>
    </message>
    <message>
        <source>Export Error List</source>
        <translation>Fehlerliste exportieren</translation>
    </message>
    <message>
        <source>Error lists (*.json)</source>
        <translation>Fehlerlisten (*.json)</translation>
    </message>
    <message>
        <source>Import Error List</source>
        <translation>Fehlerliste importieren</translation>
    </message>
    <message>
        <source>No review round yet: submit the clip for review first.</source>
        <translation>Noch keine Prüfrunde: Reichen Sie den Clip zuerst zur Prüfung ein.</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>Kein Clip.</translation>
    </message>
    <message>
        <source>Labelled %1 · propagated, not reviewed %2 · open errors %3 · fixed %4 · accepted %5</source>
        <translation>Beschriftet %1 · propagiert, nicht geprüft %2 · offene Fehler %3 · behoben %4 · akzeptiert %5</translation>
    </message>
    <message>
        <source>Not yet submitted for review (labelling).</source>
        <translation>Noch nicht zur Prüfung eingereicht (in Beschriftung).</translation>
    </message>
    <message>
        <source>Round %1: %2</source>
        <translation>Runde %1: %2</translation>
    </message>
    <message>
        <source> · reviewer %1</source>
        <translation> · Prüfer %1</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewer&lt;/b&gt; mode (%1): labels read-only</source>
        <translation>&lt;b&gt;Prüfmodus&lt;/b&gt; (%1): Beschriftungen schreibgeschützt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Labeller&lt;/b&gt; mode (%1)</source>
        <translation>&lt;b&gt;Beschriftungsmodus&lt;/b&gt; (%1)</translation>
    </message>
    <message>
        <source>#%1 by %2</source>
        <translation>#%1 von %2</translation>
    </message>
    <message>
        <source>, %1 by %2</source>
        <translation>, %1 von %2</translation>
    </message>
    <message>
        <source> · suggested (%1, %2)</source>
        <translation> · vorgeschlagen (%1, %2)</translation>
    </message>
    <message>
        <source>Select an entry to see its comment; a click jumps to it.</source>
        <translation>Wählen Sie einen Eintrag aus, um seinen Kommentar zu sehen; ein Klick springt dorthin.</translation>
    </message>
    <message>
        <source>Accepting needs every tracker point approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse Accept Clip while propagated or refined points are not approved (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tracker point(s) nobody approved</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n frame(s) (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: %1. Approve them (A on each frame) or correct them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Clip</source>
        <translation type="unfinished">Clip akzeptieren</translation>
    </message>
    <message>
        <source>%1. Accepting leaves them as the tracker placed them.

Accept anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted with %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s); checking the frames…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the frames: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s). The image checks did not run: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s), %1 from the frames.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReviewEdit</name>
    <message>
        <source>There is no clip %1.</source>
        <translation>Es gibt keinen Clip %1.</translation>
    </message>
    <message>
        <source>Only a reviewer can do this (switch to reviewer mode).</source>
        <translation>Nur ein Prüfer kann das tun (wechseln Sie in den Prüfmodus).</translation>
    </message>
    <message>
        <source>Only the labeller can do this (switch to labeller mode).</source>
        <translation>Nur der Beschrifter kann das tun (wechseln Sie in den Beschriftungsmodus).</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReviewOverlay</name>
    <message>
        <source>frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>animal %1</source>
        <translation>Tier %1</translation>
    </message>
</context>
<context>
    <name>paddock::ui::RoundDiffDialog</name>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Compare Review Rounds</source>
        <translation>Prüfrunden vergleichen</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Keypoint</source>
        <translation>Schlüsselpunkt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
    <message>
        <source>Round %1 (%2)</source>
        <translation>Runde %1 (%2)</translation>
    </message>
    <message>
        <source>Current labels</source>
        <translation>Aktuelle Beschriftungen</translation>
    </message>
    <message numerus="yes">
        <source>%n changed point(s), %1 moved.</source>
        <translation>
            <numerusform>%n geänderter Punkt, davon %1 verschoben.</numerusform>
            <numerusform>%n geänderte Punkte, davon %1 verschoben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::ui::RoundStep</name>
    <message>
        <source>Submit for Review</source>
        <translation>Zur Prüfung einreichen</translation>
    </message>
    <message>
        <source>Return to Labeller</source>
        <translation>An Beschrifter zurückgeben</translation>
    </message>
    <message>
        <source>Submit Fixes</source>
        <translation>Korrekturen einreichen</translation>
    </message>
    <message>
        <source>Accept Clip</source>
        <translation>Clip akzeptieren</translation>
    </message>
</context>
<context>
    <name>paddock::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Tracking</translation>
    </message>
    <message>
        <source>Default (optical flow, no model needed)</source>
        <translation>Standard (optischer Fluss, kein Modell nötig)</translation>
    </message>
    <message>
        <source>CoTracker3 (learned point tracker, needs a model file)</source>
        <translation>CoTracker3 (gelernter Punkt-Tracker, braucht eine Modelldatei)</translation>
    </message>
    <message>
        <source>scaled_offline.pth</source>
        <translation>scaled_offline.pth</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>Automatisch (GPU, falls vorhanden)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>tracker default</source>
        <translation>Tracker-Standard</translation>
    </message>
    <message>
        <source>Tracker:</source>
        <translation>Tracker:</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>Modelldatei:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Fine-tuning steps:</source>
        <translation>Feinabstimmungsschritte:</translation>
    </message>
    <message>
        <source>View and Files</source>
        <translation>Ansicht und Dateien</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Marker size:</source>
        <translation>Markierungsgröße:</translation>
    </message>
    <message>
        <source>Low score below:</source>
        <translation>Niedrige Bewertung unter:</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>Automatisch sichern alle:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>CoTracker3 Model File</source>
        <translation>CoTracker3-Modelldatei</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch-Checkpoints (*.pth *.pt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The default tracker follows points with optical flow between your labelled frames. It needs no model file and runs on the CPU.</source>
        <translation>Der Standard-Tracker verfolgt Punkte mit optischem Fluss zwischen Ihren beschrifteten Bildern. Er braucht keine Modelldatei und läuft auf der CPU.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Licence:&lt;/b&gt; the CoTracker3 weights by Meta AI are licensed &lt;b&gt;CC BY-NC 4.0&lt;/b&gt;: non-commercial use only. Paddock does not ship them; download &lt;i&gt;scaled_offline.pth&lt;/i&gt; yourself and choose it here.</source>
        <translation>&lt;b&gt;Lizenz:&lt;/b&gt; Die CoTracker3-Gewichte von Meta AI stehen unter &lt;b&gt;CC BY-NC 4.0&lt;/b&gt;: nur nicht-kommerzielle Nutzung. Paddock liefert sie nicht mit; laden Sie &lt;i&gt;scaled_offline.pth&lt;/i&gt; selbst herunter und wählen Sie die Datei hier.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Missing:&lt;/b&gt; no model file is set, so propagation will fail until you choose one (or switch back to the default tracker).</source>
        <translation>&lt;br&gt;&lt;b&gt;Fehlt:&lt;/b&gt; Es ist keine Modelldatei gesetzt, daher schlägt die Propagierung fehl, bis Sie eine wählen (oder zum Standard-Tracker zurückwechseln).</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Missing:&lt;/b&gt; the model file %1 does not exist.</source>
        <translation>&lt;br&gt;&lt;b&gt;Fehlt:&lt;/b&gt; Die Modelldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies when Paddock restarts.</source>
        <translation>Die neue Sprache gilt nach einem Neustart von Paddock.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts…</source>
        <translation>Tastenkürzel…</translation>
    </message>
    <message>
        <source>Shortcuts:</source>
        <translation>Tastenkürzel:</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Mouse: click places the next keypoint · drag moves a point · right-click marks occluded or clears · wheel zooms · middle or Ctrl+drag pans.
Click a shortcut to change it.</source>
        <translation>Maus: Klick setzt den nächsten Schlüsselpunkt · Ziehen verschiebt einen Punkt · Rechtsklick markiert als verdeckt oder löscht · Mausrad zoomt · Mittlere Taste oder Strg+Ziehen verschiebt die Ansicht.
Klicken Sie auf ein Tastenkürzel, um es zu ändern.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 is used by both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 wird sowohl von „%2“ als auch von „%3“ verwendet.</translation>
    </message>
</context>
<context>
    <name>paddock::ui::Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>animal</source>
        <translation>Tier</translation>
    </message>
</context>
<context>
    <name>std</name>
    <message>
        <source>occluded points written as ordinary points (DeepLabCut has no visibility flag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracker points (propagated, refined, interpolated) written as labels (DeepLabCut cannot tell them from manual ones; --user-labels-only leaves them out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points whose score is not 1 written without it (CollectedData holds no scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracker points left out (user labels only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlabelled keypoints of labelled animals written as empty cells, which DeepLabCut reads as &apos;not visible&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>animals absent from a written frame written as empty cells (DeepLabCut cannot tell &apos;absent&apos; from &apos;not labelled&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>animals left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown database error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
