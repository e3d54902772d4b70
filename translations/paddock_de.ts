<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Check</name>
    <message numerus="yes">
        <source>%n finding(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>usage: paddock compare A.json B.json [--json] [--worst N]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PropagationRunner</name>
    <message>
        <source>The tracker &quot;%1&quot; is not available in this build. Choose the default tracker in Settings, or set up CoTracker3 with a model file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tracking job is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label at least one frame of the animal before propagating.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Entry %1 is %2 and cannot become %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot %1: the clip is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return the clip to the labeller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit fixes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error-list entries are still open.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>accept the clip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Undo Commands</name>
    <message>
        <source>Refine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Track Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap Animals from Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Keypoint Occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Keypoint Visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap Left and Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Animal from Frame</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::app</name>
    <message>
        <source>paddock check: --severity must be info, warning or error, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock check: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: paddock check LABELS.json [--clip CLIP] [--json] [--severity info|warning|error]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock check: %1 has no clip &apos;%2&apos; (clips: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock compare: --worst needs a number, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock compare: unknown option &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paddock compare: %1 and %2 have no clip in common (matched by name or video id)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::core</name>
    <message>
        <source>cannot write the frame image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not in the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoints, but category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a list of pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an entry that is not a pair of indices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refers to a keypoint that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos; (the keypoint names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a keypoint name is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoint values; category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoints x 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinate is NaN or infinite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visibility must be 0, 1 or 2, not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is outside the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a COCO file: the top level is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a COCO keypoint file: missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate category id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;id&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative width or height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate image id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;annotations&apos; is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate annotation id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown image id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no such image in &apos;images&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown category id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added it with the skeleton all categories share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no such category in &apos;categories&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;bbox&apos; is not four finite numbers [x, y, w, h]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;track_id&apos; is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appears twice on image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: the first row must start with &apos;scorer&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: missing the &apos;bodyparts&apos; header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: missing the &apos;coords&apos; header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data columns after the index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header rows do not have the same number of columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty body part name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown coordinate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected x, y or likelihood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs both an x and a y column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cells, the header has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no image path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has only one of x and y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinate is infinite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a DeepLabCut CSV holds one clip; this project has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one with --clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the animals of the clip have different skeletons; a DeepLabCut CSV needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the project has no skeleton (category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a pair that is not two keypoint indices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;sigmas&apos; does not have one value per keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sigma is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected [file name, image id, width, height]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a Paddock project file (no &quot;format&quot;: &quot;paddock-project&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or invalid &apos;version&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by a newer version of Paddock (project format version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this version reads up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Paddock to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;categories&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;clips&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to return: the error list has no open entry.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::core::detail</name>
    <message>
        <source>cannot create the autosave folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NaN or Infinity is not a number JSON allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;xy&apos;, &apos;v&apos; and &apos;s&apos; do not describe the same number of keypoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;q&apos; does not have one score per keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinate is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;bbox&apos; is not four numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative frame index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &apos;a&apos; (the instances)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appears twice on frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error type or state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;suggested&apos; is not two numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown round state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::AddAnimalDialog</name>
    <message>
        <source>Add Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3 keypoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Species:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::AnimalsDock</name>
    <message>
        <source>unknown species</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1/%2 here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an animal (species from AP-10K or the project)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track Id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap this animal&apos;s labels with another animal&apos;s from the current frame on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Track Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New track id for animal #%1 (an id in use is swapped):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap Animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap animal #%1 with (from frame %2 on):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ExportDialog</name>
    <message>
        <source>Export Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COCO keypoints (AP-10K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APTv2 (COCO with videos, track ids, frame ids)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include tracker output (not only reviewed labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the frames as images (for training on a video clip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::FrameView</name>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>propagated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interpolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a video or frame folder to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an animal to start labelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: all %2 keypoints labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: click to place %2 (%3/%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place Here as Occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip This Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · #%2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · occluded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::MainWindow</name>
    <message>
        <source>Go to Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every frame of this animal is labelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flagged frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No low-score frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to approve on this frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The animal has no labels on frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a clip first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an animal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refine (re-run after corrections)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From frame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To frame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished in %2 s: %3 keypoints updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All supported (*.paddock *.mp4 *.avi *.mov *.mkv *.webm *.json *.csv);;Paddock projects (*.paddock);;Videos (*.mp4 *.avi *.mov *.mkv *.webm);;COCO / AP-10K / APTv2 (*.json);;DeepLabCut CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) skipped while reading; first: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no images or videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the video (or any frame image of the folder) these labels belong to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clip chosen for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paddock projects (*.paddock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paddock found work that was not saved (autosave from %1). Recover it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export COCO/APTv2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle &amp;Occluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Keypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swap &amp;Left and Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Animal from &amp;Previous Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Animal from &amp;Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Animal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;Track Id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Swap Animals from This Frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smaller Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 10 Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 10 Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / &amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Unlabelled Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next F&amp;lagged Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Lo&amp;w-Score Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Propagate Current Animal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate &amp;All Animals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propagate &amp;Range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refine After Corrections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Paddock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel tracking (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1[*] — Paddock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Paddock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Paddock %1&lt;/h3&gt;&lt;p&gt;Label animal pose in video: click keypoints, propagate them with a point tracker, review.&lt;/p&gt;&lt;p&gt;Licence: Apache-2.0.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), OpenCV (Apache-2.0), FFmpeg (LGPL-2.1+), LibTorch (BSD-3-Clause) and nlohmann/json (MIT).&lt;/p&gt;&lt;p&gt;The optional CoTracker3 model weights are not included: they are licensed CC BY-NC 4.0 (non-commercial use only) by Meta AI and are loaded from a file you choose.&lt;/p&gt;&lt;p&gt;Keypoint layout and species: AP-10K (Apache-2.0).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (optical flow, no model needed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoTracker3 (learned point tracker, needs a model file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaled_offline.pth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tracker default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View and Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marker size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low score below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoTracker3 Model File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default tracker follows points with optical flow between your labelled frames. It needs no model file and runs on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Licence:&lt;/b&gt; the CoTracker3 weights by Meta AI are licensed &lt;b&gt;CC BY-NC 4.0&lt;/b&gt;: non-commercial use only. Paddock does not ship them; download &lt;i&gt;scaled_offline.pth&lt;/i&gt; yourself and choose it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Missing:&lt;/b&gt; no model file is set, so propagation will fail until you choose one (or switch back to the default tracker).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Missing:&lt;/b&gt; the model file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Paddock restarts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mouse: click places the next keypoint · drag moves a point · right-click marks occluded or clears · wheel zooms · middle or Ctrl+drag pans.
Click a shortcut to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is used by both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::Timeline</name>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>animal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
