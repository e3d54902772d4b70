<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Bench</name>
    <message>
        <source>paddock bench video: %1 needs a positive number</source>
        <translation>paddock bench video：%1 需要一个正数</translation>
    </message>
    <message>
        <source>paddock bench video: unexpected argument %1</source>
        <translation>paddock bench video：意外的参数 %1</translation>
    </message>
    <message>
        <source>usage: paddock bench video FILE [--cache-mb N] [--random N] [--frames N] [--steps N]</source>
        <translation>用法：paddock bench video FILE [--cache-mb N] [--random N] [--frames N] [--steps N]</translation>
    </message>
    <message>
        <source>usage: paddock bench NAME [ARGS]; benchmarks:</source>
        <translation>用法：paddock bench NAME [ARGS]；可用的基准测试：</translation>
    </message>
    <message>
        <source>paddock bench: unknown benchmark &apos;%1&apos;</source>
        <translation>paddock bench：未知的基准测试 &apos;%1&apos;</translation>
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
            <numerusform>%1 中有 %n 条检查结果</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>usage: paddock compare A.json B.json [--json] [--worst N]</source>
        <translation>用法：paddock compare A.json B.json [--json] [--worst N]</translation>
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
        <translation>已有跟踪任务正在运行。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Entry %1 is %2 and cannot become %3.</source>
        <translation>条目 %1 处于“%2”状态，无法变为“%3”。</translation>
    </message>
    <message>
        <source>Cannot %1: the clip is %2.</source>
        <translation>无法%1：片段处于“%2”状态。</translation>
    </message>
    <message>
        <source>start a review</source>
        <translation>开始审核</translation>
    </message>
    <message>
        <source>return the clip to the labeller</source>
        <translation>将片段退回给标注员</translation>
    </message>
    <message>
        <source>submit fixes</source>
        <translation>提交修正</translation>
    </message>
    <message numerus="yes">
        <source>%n error-list entries are still open.</source>
        <translation>
            <numerusform>错误列表中仍有 %n 个未解决的条目。</numerusform>
        </translation>
    </message>
    <message>
        <source>accept the clip</source>
        <translation>接受片段</translation>
    </message>
</context>
<context>
    <name>Review Commands</name>
    <message numerus="yes">
        <source>Add %n Finding(s) to Error List</source>
        <translation>
            <numerusform>将 %n 条检查结果添加到错误列表</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>Undo Commands</name>
    <message>
        <source>Refine</source>
        <translation>精修</translation>
    </message>
    <message>
        <source>Propagate</source>
        <translation>传播</translation>
    </message>
    <message>
        <source>Add Animal</source>
        <translation>添加动物</translation>
    </message>
    <message>
        <source>Remove Animal</source>
        <translation>删除动物</translation>
    </message>
    <message>
        <source>Change Track Id</source>
        <translation>更改轨迹 ID</translation>
    </message>
    <message>
        <source>Swap Animals from Frame</source>
        <translation>从此帧起交换动物</translation>
    </message>
    <message>
        <source>Place Keypoint</source>
        <translation>放置关键点</translation>
    </message>
    <message>
        <source>Move Keypoint</source>
        <translation>移动关键点</translation>
    </message>
    <message>
        <source>Clear Keypoint</source>
        <translation>清除关键点</translation>
    </message>
    <message>
        <source>Mark Keypoint Occluded</source>
        <translation>将关键点标为遮挡</translation>
    </message>
    <message>
        <source>Mark Keypoint Visible</source>
        <translation>将关键点标为可见</translation>
    </message>
    <message>
        <source>Swap Left and Right</source>
        <translation>交换左右</translation>
    </message>
    <message>
        <source>Approve Frame</source>
        <translation>批准此帧</translation>
    </message>
    <message>
        <source>Copy Animal from Frame</source>
        <translation>从帧复制动物</translation>
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
        <translation type="unfinished">未命名</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n animal-frame(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::app</name>
    <message>
        <source>paddock check: --severity must be info, warning or error, not &apos;%1&apos;</source>
        <translation>paddock check：--severity 必须是 info、warning 或 error，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock check: unexpected argument &apos;%1&apos;</source>
        <translation>paddock check：意外的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock check: %1</source>
        <translation>paddock check：%1</translation>
    </message>
    <message>
        <source>paddock check: %1 has no clip &apos;%2&apos; (clips: %3)</source>
        <translation>paddock check：%1 中没有片段 &apos;%2&apos;（现有片段：%3）</translation>
    </message>
    <message>
        <source>paddock compare: --worst needs a number, not &apos;%1&apos;</source>
        <translation>paddock compare：--worst 需要一个数字，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock compare: unknown option &apos;%1&apos;</source>
        <translation>paddock compare：未知选项 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock compare: %1</source>
        <translation>paddock compare：%1</translation>
    </message>
    <message>
        <source>clip %1</source>
        <translation>片段 %1</translation>
    </message>
    <message>
        <source>paddock compare: %1 and %2 have no clip in common (matched by name or video id)</source>
        <translation>paddock compare：%1 和 %2 没有共同的片段（按名称或视频 ID 匹配）</translation>
    </message>
    <message>
        <source>paddock bench checks: unexpected argument &apos;%1&apos;</source>
        <translation>paddock bench checks：意外的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>paddock bench checks: give a labels file (../shared/eval/flies/gt.json was not found)</source>
        <translation>paddock bench checks：请指定一个标注文件（未找到 ../shared/eval/flies/gt.json）</translation>
    </message>
    <message>
        <source>paddock bench checks: %1</source>
        <translation>paddock bench checks：%1</translation>
    </message>
    <message>
        <source>file: %1 (%2 clips, %3 frames, %4 animals, %5 points), read in %6 ms</source>
        <translation>文件：%1（%2 个片段，%3 帧，%4 只动物，%5 个点），读取用时 %6 毫秒</translation>
    </message>
    <message>
        <source>all checks: %1 over %2 runs; %3 findings</source>
        <translation>全部检查：%1（共 %2 次运行）；%3 条检查结果</translation>
    </message>
    <message>
        <source>paddock demo: %1</source>
        <translation>paddock demo：%1</translation>
    </message>
    <message>
        <source>demo clip: %1 frames of %2x%3 in %4</source>
        <translation>演示片段：%1 帧，尺寸 %2x%3，位于 %4</translation>
    </message>
    <message>
        <source>labelled frames: %1 (every %2th and the last, from the ground truth)</source>
        <translation>已标注帧：%1（取自真值，每 %2 帧取一帧，外加最后一帧）</translation>
    </message>
    <message>
        <source>paddock demo: propagation failed: %1</source>
        <translation>paddock demo：传播失败：%1</translation>
    </message>
    <message>
        <source>propagated with the %1 tracker in %2 s; APTv2 JSON: %3</source>
        <translation>已使用 %1 跟踪器在 %2 秒内完成传播；APTv2 JSON：%3</translation>
    </message>
    <message>
        <source>error against the ground truth on %1 unlabelled keypoints: mean %2 px, median %3 px, within 4 px %4%</source>
        <translation>%1 个未标注关键点相对真值的误差：平均 %2 像素，中位数 %3 像素，4 像素以内占 %4%</translation>
    </message>
    <message>
        <source>linear interpolation for comparison: mean %1 px, median %2 px, within 4 px %3%</source>
        <translation>线性插值（作为对照）：平均 %1 像素，中位数 %2 像素，4 像素以内占 %3%</translation>
    </message>
    <message>
        <source>paddock demo: unknown argument %1 (usage: paddock demo [--headless] [--out DIR])</source>
        <translation>paddock demo：未知参数 %1（用法：paddock demo [--headless] [--out DIR]）</translation>
    </message>
    <message>
        <source>paddock demo: cannot create %1</source>
        <translation>paddock demo：无法创建 %1</translation>
    </message>
    <message>
        <source>paddock info: %1</source>
        <translation>paddock info：%1</translation>
    </message>
    <message>
        <source>paddock propagate: unknown option %1</source>
        <translation>paddock propagate：未知选项 %1</translation>
    </message>
    <message>
        <source>paddock propagate: unexpected argument %1</source>
        <translation>paddock propagate：意外的参数 %1</translation>
    </message>
    <message>
        <source>paddock propagate: %1 needs a value</source>
        <translation>paddock propagate：%1 需要一个值</translation>
    </message>
    <message>
        <source>paddock propagate: %1</source>
        <translation>paddock propagate：%1</translation>
    </message>
    <message>
        <source>propagated %1 keypoints over frames %2..%3 with the %4 tracker in %5 s; wrote %6</source>
        <translation>已使用 %4 跟踪器在 %5 秒内将 %1 个关键点传播到第 %2..%3 帧；已写入 %6</translation>
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
        <translation type="unfinished">，约剩 %1 秒</translation>
    </message>
</context>
<context>
    <name>paddock::core</name>
    <message>
        <source>clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>track</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>category id</source>
        <translation>类别 ID</translation>
    </message>
    <message>
        <source>is not in the project</source>
        <translation>不在项目中</translation>
    </message>
    <message>
        <source>keypoints, but category</source>
        <translation>个关键点，但类别</translation>
    </message>
    <message>
        <source>has</source>
        <translation>有</translation>
    </message>
    <message>
        <source>is not a list of pairs</source>
        <translation>不是由数对组成的列表</translation>
    </message>
    <message>
        <source>has an entry that is not a pair of indices</source>
        <translation>包含一个不是索引对的条目</translation>
    </message>
    <message>
        <source>refers to a keypoint that does not exist</source>
        <translation>引用了不存在的关键点</translation>
    </message>
    <message>
        <source>with</source>
        <translation>但总共只有</translation>
    </message>
    <message>
        <source>keypoints</source>
        <translation>个关键点</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos; (the keypoint names)</source>
        <translation>缺少 &apos;keypoints&apos;（关键点名称）</translation>
    </message>
    <message>
        <source>a keypoint name is not a string</source>
        <translation>某个关键点名称不是字符串</translation>
    </message>
    <message>
        <source>missing &apos;keypoints&apos;</source>
        <translation>缺少 &apos;keypoints&apos;</translation>
    </message>
    <message>
        <source>keypoint values; category</source>
        <translation>个关键点值；类别</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>keypoints x 3</source>
        <translation>个关键点 x 3</translation>
    </message>
    <message>
        <source>keypoint</source>
        <translation>关键点</translation>
    </message>
    <message>
        <source>value is not a number</source>
        <translation>值不是数字</translation>
    </message>
    <message>
        <source>coordinate is NaN or infinite</source>
        <translation>坐标为 NaN 或无穷大</translation>
    </message>
    <message>
        <source>visibility must be 0, 1 or 2, not</source>
        <translation>可见性必须为 0、1 或 2，而不是</translation>
    </message>
    <message>
        <source>is outside the image</source>
        <translation>超出图像范围</translation>
    </message>
    <message>
        <source>not a COCO file: the top level is not an object</source>
        <translation>不是 COCO 文件：顶层不是对象</translation>
    </message>
    <message>
        <source>not a COCO keypoint file: missing</source>
        <translation>不是 COCO 关键点文件：缺少</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>duplicate category id</source>
        <translation>重复的类别 ID</translation>
    </message>
    <message>
        <source>missing &apos;id&apos;</source>
        <translation>缺少 &apos;id&apos;</translation>
    </message>
    <message>
        <source>negative width or height</source>
        <translation>宽度或高度为负数</translation>
    </message>
    <message>
        <source>duplicate image id</source>
        <translation>重复的图像 ID</translation>
    </message>
    <message>
        <source>&apos;annotations&apos; is not a list</source>
        <translation>&apos;annotations&apos; 不是列表</translation>
    </message>
    <message>
        <source>duplicate annotation id</source>
        <translation>重复的标注 ID</translation>
    </message>
    <message>
        <source>unknown image id</source>
        <translation>未知的图像 ID</translation>
    </message>
    <message>
        <source>(no such image in &apos;images&apos;)</source>
        <translation>（&apos;images&apos; 中没有此图像）</translation>
    </message>
    <message>
        <source>unknown category id</source>
        <translation>未知的类别 ID</translation>
    </message>
    <message>
        <source>(no such category in &apos;categories&apos;)</source>
        <translation>（&apos;categories&apos; 中没有此类别）</translation>
    </message>
    <message>
        <source>on image</source>
        <translation>位于图像</translation>
    </message>
    <message>
        <source>&apos;bbox&apos; is not four finite numbers [x, y, w, h]</source>
        <translation>&apos;bbox&apos; 不是四个有限数值 [x, y, w, h]</translation>
    </message>
    <message>
        <source>&apos;track_id&apos; is not an integer</source>
        <translation>&apos;track_id&apos; 不是整数</translation>
    </message>
    <message>
        <source>track_id</source>
        <translation>track_id</translation>
    </message>
    <message>
        <source>appears twice on image</source>
        <translation>重复出现于图像</translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: the first row must start with &apos;scorer&apos;</source>
        <translation>不是 DeepLabCut CollectedData 文件：第一行必须以 &apos;scorer&apos; 开头</translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: missing the &apos;bodyparts&apos; header row</source>
        <translation>不是 DeepLabCut CollectedData 文件：缺少 &apos;bodyparts&apos; 表头行</translation>
    </message>
    <message>
        <source>not a DeepLabCut CollectedData file: missing the &apos;coords&apos; header row</source>
        <translation>不是 DeepLabCut CollectedData 文件：缺少 &apos;coords&apos; 表头行</translation>
    </message>
    <message>
        <source>no data columns after the index</source>
        <translation>索引列之后没有数据列</translation>
    </message>
    <message>
        <source>the header rows do not have the same number of columns</source>
        <translation>各表头行的列数不一致</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>empty body part name</source>
        <translation>身体部位名称为空</translation>
    </message>
    <message>
        <source>unknown coordinate</source>
        <translation>未知坐标</translation>
    </message>
    <message>
        <source>expected x, y or likelihood</source>
        <translation>应为 x、y 或 likelihood</translation>
    </message>
    <message>
        <source>has two</source>
        <translation>有两个</translation>
    </message>
    <message>
        <source>columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>body part</source>
        <translation>身体部位</translation>
    </message>
    <message>
        <source>needs both an x and a y column</source>
        <translation>需要同时有 x 列和 y 列</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>cells, the header has</source>
        <translation>个单元格，而表头有</translation>
    </message>
    <message>
        <source>no image path</source>
        <translation>没有图像路径</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>被列出了两次</translation>
    </message>
    <message>
        <source>of</source>
        <translation>属于</translation>
    </message>
    <message>
        <source>a value is not a number</source>
        <translation>某个值不是数字</translation>
    </message>
    <message>
        <source>has only one of x and y</source>
        <translation>只有 x 和 y 中的一个</translation>
    </message>
    <message>
        <source>coordinate is infinite</source>
        <translation>坐标为无穷大</translation>
    </message>
    <message>
        <source>a DeepLabCut CSV holds one clip; this project has</source>
        <translation>DeepLabCut CSV 只能包含一个片段；此项目有</translation>
    </message>
    <message>
        <source>choose one with --clip</source>
        <translation>请用 --clip 选择一个</translation>
    </message>
    <message>
        <source>the animals of the clip have different skeletons; a DeepLabCut CSV needs one</source>
        <translation>该片段中各动物的骨架不同；DeepLabCut CSV 只允许一种骨架</translation>
    </message>
    <message>
        <source>the project has no skeleton (category)</source>
        <translation>项目没有骨架（类别）</translation>
    </message>
    <message>
        <source>is not an array</source>
        <translation>不是数组</translation>
    </message>
    <message>
        <source>has a pair that is not two keypoint indices</source>
        <translation>包含一个不是由两个关键点索引组成的数对</translation>
    </message>
    <message>
        <source>not a Paddock project file (no &quot;format&quot;: &quot;paddock-project&quot;)</source>
        <translation>不是 Paddock 项目文件（没有 &quot;format&quot;: &quot;paddock-project&quot;）</translation>
    </message>
    <message>
        <source>missing or invalid &apos;version&apos;</source>
        <translation>&apos;version&apos; 缺失或无效</translation>
    </message>
    <message>
        <source>written by a newer version of Paddock (project format version</source>
        <translation>由更新版本的 Paddock 写入（项目格式版本</translation>
    </message>
    <message>
        <source>this version reads up to</source>
        <translation>当前版本最高支持</translation>
    </message>
    <message>
        <source>Update Paddock to open it.</source>
        <translation>请更新 Paddock 后再打开。</translation>
    </message>
    <message>
        <source>missing &apos;clips&apos;</source>
        <translation>缺少 &apos;clips&apos;</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>无法写入</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Nothing to return: the error list has no open entry.</source>
        <translation>没有可退回的内容：错误列表中没有未解决的条目。</translation>
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
        <translation type="unfinished">无法写入</translation>
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
        <translation>无法创建自动保存文件夹</translation>
    </message>
    <message>
        <source>NaN or Infinity is not a number JSON allows</source>
        <translation>JSON 不允许使用 NaN 或 Infinity 作为数字</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>truncated?</source>
        <translation>文件被截断？</translation>
    </message>
    <message>
        <source>at</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>is not an integer</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>is not a finite number</source>
        <translation>不是有限数值</translation>
    </message>
    <message>
        <source>is not a string</source>
        <translation>不是字符串</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>&apos;xy&apos;, &apos;v&apos; and &apos;s&apos; do not describe the same number of keypoints</source>
        <translation>&apos;xy&apos;、&apos;v&apos; 和 &apos;s&apos; 描述的关键点数量不一致</translation>
    </message>
    <message>
        <source>&apos;q&apos; does not have one score per keypoint</source>
        <translation>&apos;q&apos; 没有为每个关键点提供一个分数</translation>
    </message>
    <message>
        <source>keypoint</source>
        <translation>关键点</translation>
    </message>
    <message>
        <source>coordinate is not a number</source>
        <translation>坐标不是数字</translation>
    </message>
    <message>
        <source>unknown visibility</source>
        <translation>未知的可见性</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>未知的来源</translation>
    </message>
    <message>
        <source>score is not a number</source>
        <translation>分数不是数字</translation>
    </message>
    <message>
        <source>&apos;bbox&apos; is not four numbers</source>
        <translation>&apos;bbox&apos; 不是四个数字</translation>
    </message>
    <message>
        <source>not an array</source>
        <translation>不是数组</translation>
    </message>
    <message>
        <source>negative frame index</source>
        <translation>帧索引为负数</translation>
    </message>
    <message>
        <source>missing &apos;a&apos; (the instances)</source>
        <translation>缺少 &apos;a&apos;（实例）</translation>
    </message>
    <message>
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>listed twice</source>
        <translation>被列出了两次</translation>
    </message>
    <message>
        <source>track</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>appears twice on frame</source>
        <translation>重复出现于帧</translation>
    </message>
    <message>
        <source>unknown error type or state</source>
        <translation>未知的错误类型或状态</translation>
    </message>
    <message>
        <source>&apos;suggested&apos; is not two numbers</source>
        <translation>&apos;suggested&apos; 不是两个数字</translation>
    </message>
    <message>
        <source>unknown round state</source>
        <translation>未知的轮次状态</translation>
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
        <translation type="unfinished">缺少 &apos;keypoints&apos;（关键点名称）</translation>
    </message>
    <message>
        <source>a keypoint name is not a string</source>
        <translation type="unfinished">某个关键点名称不是字符串</translation>
    </message>
    <message>
        <source>&apos;sigmas&apos; does not have one value per keypoint</source>
        <translation type="unfinished">&apos;sigmas&apos; 没有为每个关键点提供一个值</translation>
    </message>
    <message>
        <source>a sigma is not a number</source>
        <translation type="unfinished">某个 sigma 值不是数字</translation>
    </message>
    <message>
        <source>expected [file name, image id, width, height]</source>
        <translation type="unfinished">应为 [文件名, 图像 ID, 宽度, 高度]</translation>
    </message>
    <message>
        <source>track id</source>
        <translation type="unfinished">轨迹 ID</translation>
    </message>
    <message>
        <source>is used twice</source>
        <translation type="unfinished">被使用了两次</translation>
    </message>
    <message>
        <source>missing &apos;categories&apos;</source>
        <translation type="unfinished">缺少 &apos;categories&apos;</translation>
    </message>
    <message>
        <source>category id</source>
        <translation type="unfinished">类别 ID</translation>
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
        <translation type="unfinished">当前版本最高支持</translation>
    </message>
    <message>
        <source>Update Paddock to open it.</source>
        <translation type="unfinished">请更新 Paddock 后再打开。</translation>
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
        <translation type="unfinished">文件不存在</translation>
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
        <translation>接受错误条目</translation>
    </message>
</context>
<context>
    <name>paddock::ui::AddAnimalDialog</name>
    <message>
        <source>Add Animal</source>
        <translation>添加动物</translation>
    </message>
    <message>
        <source>%1 (%2, %3 keypoints)</source>
        <translation>%1（%2，%3 个关键点）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Species:</source>
        <translation>物种：</translation>
    </message>
    <message>
        <source>Track id:</source>
        <translation>轨迹 ID：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
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
        <translation>未知物种</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <translation>#%1 %2（%3）</translation>
    </message>
    <message>
        <source> — %1/%2 here</source>
        <translation> — 本帧 %1/%2</translation>
    </message>
    <message>
        <source>Animals</source>
        <translation>动物</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add an animal (species from AP-10K or the project)</source>
        <translation>添加动物（物种来自 AP-10K 或本项目）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Track Id…</source>
        <translation>轨迹 ID…</translation>
    </message>
    <message>
        <source>Swap…</source>
        <translation>交换…</translation>
    </message>
    <message>
        <source>Swap this animal&apos;s labels with another animal&apos;s from the current frame on</source>
        <translation>从当前帧起，将此动物的标注与另一只动物交换</translation>
    </message>
    <message>
        <source>Change Track Id</source>
        <translation>更改轨迹 ID</translation>
    </message>
    <message>
        <source>New track id for animal #%1 (an id in use is swapped):</source>
        <translation>动物 #%1 的新轨迹 ID（若已被占用则互换）：</translation>
    </message>
    <message>
        <source>Swap Animals</source>
        <translation>交换动物</translation>
    </message>
    <message>
        <source>Swap animal #%1 with (from frame %2 on):</source>
        <translation>将动物 #%1 与以下动物交换（从第 %2 帧起）：</translation>
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
        <translation type="unfinished">添加动物</translation>
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
        <translation>应用建议位置</translation>
    </message>
    <message>
        <source>There is no error entry %1.</source>
        <translation>不存在错误条目 %1。</translation>
    </message>
    <message>
        <source>Entry %1 has no suggested position for a keypoint.</source>
        <translation>条目 %1 没有关键点的建议位置。</translation>
    </message>
</context>
<context>
    <name>paddock::ui::BatchProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">取消</translation>
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
        <translation type="unfinished">剩余 %1 秒</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished">剩余 %1 分钟</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the version of %1 from %2</source>
        <translation type="unfinished"></translation>
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
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n clip(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n in the review queue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the selected version of this clip and set its other versions aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring Back All Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the choice back: every version of this clip waits for a choice again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2 (from %3) is the one kept; the others are set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2 (from %3) is set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2 (from %3): %4 versions wait for your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This clip has no versions from a merge to choose among</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version of this clip is already back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version is already the one kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every version of this clip waits for a choice again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version kept; the other versions are set aside (Undo takes the choice back)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">已接受</translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::ClipTableModel</name>
    <message>
        <source>labelling</source>
        <translation type="unfinished">标注中</translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished">审核中</translation>
    </message>
    <message>
        <source>returned</source>
        <translation type="unfinished">已退回</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation type="unfinished">已修正</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished">已接受</translation>
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
        <translation type="unfinished">片段</translation>
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
        <translation type="unfinished">动物</translation>
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
        <translation type="unfinished">状态</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version from a merge that the reviewer did not choose: its labels are kept, but export, propagation and the review queue leave it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paddock merge kept %1 versions of this clip, labelled differently: open each, then choose one with Keep This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No labeller recorded (names are recorded when a labeller submits the clip for review or marks findings fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2, from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against version 1: %1 animals on frames in both, %2 points compared, mean distance %3 px, mean OKS %4; %5 animals only in version 1, %6 only in this one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>paddock::ui::CorrectKeypoint</name>
    <message>
        <source>Correct Keypoint</source>
        <translation>修正关键点</translation>
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
        <translation>位置错误</translation>
    </message>
    <message>
        <source>Left/right swapped</source>
        <translation>左右颠倒</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Should be occluded</source>
        <translation>应为遮挡</translation>
    </message>
    <message>
        <source>Should be unlabelled</source>
        <translation>不应标注</translation>
    </message>
    <message>
        <source>Wrong species</source>
        <translation>物种错误</translation>
    </message>
    <message>
        <source>Wrong track id</source>
        <translation>轨迹 ID 错误</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>已重新打开</translation>
    </message>
    <message>
        <source>labelling</source>
        <translation>标注中</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>已修正</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>(frame)</source>
        <translation>（帧）</translation>
    </message>
    <message>
        <source>(animal)</source>
        <translation>（动物）</translation>
    </message>
    <message>
        <source>[→ %1, %2]</source>
        <translation>[→ %1, %2]</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>动物</translation>
    </message>
    <message>
        <source>Keypoint</source>
        <translation>关键点</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>By</source>
        <translation>提交人</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ExportDialog</name>
    <message>
        <source>Export Labels</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>COCO keypoints (AP-10K)</source>
        <translation>COCO 关键点（AP-10K）</translation>
    </message>
    <message>
        <source>APTv2 (COCO with videos, track ids, frame ids)</source>
        <translation>APTv2（带视频、轨迹 ID 和帧 ID 的 COCO）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Frames folder:</source>
        <translation>帧文件夹：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export To</source>
        <translation>导出到</translation>
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
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracker points a person approved (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracker points of accepted clips, reviewed with the clip (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unreviewed tracker output (%n point(s)), as v=1: not confirmed visible</source>
        <translation type="unfinished">
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
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) go out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n tracker point(s) are left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n unreviewed point(s) go out as ordinary labels (DeepLabCut has no visibility or source)</source>
        <translation type="unfinished">
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
        </translation>
    </message>
</context>
<context>
    <name>paddock::ui::FindingsToEntries</name>
    <message>
        <source>Findings to Error List</source>
        <translation>将检查结果加入错误列表</translation>
    </message>
    <message>
        <source>Every finding is already on the error list.</source>
        <translation>所有检查结果都已在错误列表中。</translation>
    </message>
</context>
<context>
    <name>paddock::ui::FlagDialog</name>
    <message>
        <source>Suggest position</source>
        <translation>建议位置</translation>
    </message>
    <message>
        <source>Flag Error on Frame %1</source>
        <translation>在第 %1 帧标记错误</translation>
    </message>
    <message>
        <source>Keypoint</source>
        <translation>关键点</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>动物</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Flag:</source>
        <translation>标记对象：</translation>
    </message>
    <message>
        <source>Animal:</source>
        <translation>动物：</translation>
    </message>
    <message>
        <source>Keypoint:</source>
        <translation>关键点：</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>paddock::ui::FlagError</name>
    <message>
        <source>Flag Error</source>
        <translation>标记错误</translation>
    </message>
    <message>
        <source>Frame %1 is outside the clip.</source>
        <translation>第 %1 帧超出片段范围。</translation>
    </message>
    <message>
        <source>The clip has no animal %1.</source>
        <translation>片段中没有动物 %1。</translation>
    </message>
    <message>
        <source>A keypoint error needs an animal.</source>
        <translation>关键点错误必须指定一只动物。</translation>
    </message>
</context>
<context>
    <name>paddock::ui::FrameView</name>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>propagated</source>
        <translation>传播</translation>
    </message>
    <message>
        <source>refined</source>
        <translation>精修</translation>
    </message>
    <message>
        <source>interpolated</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Frame view</source>
        <translation>帧视图</translation>
    </message>
    <message>
        <source>Open a video or frame folder to start</source>
        <translation>打开视频或帧文件夹以开始</translation>
    </message>
    <message>
        <source>Add an animal to start labelling</source>
        <translation>添加一只动物以开始标注</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1: all %2 keypoints labelled</source>
        <translation>%1：全部 %2 个关键点已标注</translation>
    </message>
    <message>
        <source>%1: click to place %2 (%3/%4)</source>
        <translation>%1：点击放置 %2（%3/%4）</translation>
    </message>
    <message>
        <source>Mark Visible</source>
        <translation>标为可见</translation>
    </message>
    <message>
        <source>Mark Occluded</source>
        <translation>标为遮挡</translation>
    </message>
    <message>
        <source>Clear Keypoint</source>
        <translation>清除关键点</translation>
    </message>
    <message>
        <source>Place Here as Occluded</source>
        <translation>在此处放置为遮挡</translation>
    </message>
    <message>
        <source>Skip This Keypoint</source>
        <translation>跳过此关键点</translation>
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
        <translation> · 遮挡</translation>
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
        <translation>导入错误列表</translation>
    </message>
    <message>
        <source>The error list has nothing new for this clip.</source>
        <translation>错误列表中没有此片段的新内容。</translation>
    </message>
</context>
<context>
    <name>paddock::ui::MainWindow</name>
    <message>
        <source>Go to Frame</source>
        <translation>跳转到帧</translation>
    </message>
    <message>
        <source>Frame:</source>
        <translation>帧：</translation>
    </message>
    <message>
        <source>Every frame of this animal is labelled</source>
        <translation>此动物的每一帧都已标注</translation>
    </message>
    <message>
        <source>No flagged frames</source>
        <translation>没有被标记的帧</translation>
    </message>
    <message>
        <source>No low-score frames</source>
        <translation>没有低分帧</translation>
    </message>
    <message>
        <source>Nothing to approve on this frame</source>
        <translation>此帧没有需要批准的内容</translation>
    </message>
    <message>
        <source>Open a clip first.</source>
        <translation>请先打开一个片段。</translation>
    </message>
    <message>
        <source>Select an animal first.</source>
        <translation>请先选择一只动物。</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Refine</source>
        <translation>精修</translation>
    </message>
    <message>
        <source>Propagate</source>
        <translation>传播</translation>
    </message>
    <message>
        <source>Propagate Range</source>
        <translation>传播范围</translation>
    </message>
    <message>
        <source>All animals</source>
        <translation>所有动物</translation>
    </message>
    <message>
        <source>Refine (re-run after corrections)</source>
        <translation>精修（修正后重新运行）</translation>
    </message>
    <message>
        <source>From frame:</source>
        <translation>起始帧：</translation>
    </message>
    <message>
        <source>To frame:</source>
        <translation>结束帧：</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 finished in %2 s: %3 keypoints updated</source>
        <translation>%1 在 %2 秒内完成：更新了 %3 个关键点</translation>
    </message>
    <message>
        <source>Propagation</source>
        <translation>传播</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：文件或文件夹不存在</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) skipped while reading; first: %1</source>
        <translation>
            <numerusform>读取时跳过了 %n 个问题；第一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no images or videos</source>
        <translation>%1 不包含任何图像或视频</translation>
    </message>
    <message>
        <source>Choose the Clip</source>
        <translation>选择片段</translation>
    </message>
    <message>
        <source>Choose the video (or any frame image of the folder) these labels belong to.</source>
        <translation>请选择这些标注所属的视频（或该文件夹中的任一帧图像）。</translation>
    </message>
    <message>
        <source>Clip for %1</source>
        <translation>%1 的片段</translation>
    </message>
    <message>
        <source>No clip chosen for %1</source>
        <translation>未为 %1 选择片段</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them before closing?</source>
        <translation>项目有未保存的更改。关闭前是否保存？</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Paddock found work that was not saved (autosave from %1). Recover it?</source>
        <translation>Paddock 发现了未保存的工作（自动保存于 %1）。是否恢复？</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Recovered unsaved work</source>
        <translation>已恢复未保存的工作</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>已有导出正在进行。</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Frame %1 could not be read: %2</source>
        <translation>无法读取第 %1 帧：%2</translation>
    </message>
    <message>
        <source>Propagation failed: %1</source>
        <translation>传播失败：%1</translation>
    </message>
    <message>
        <source>Propagation cancelled</source>
        <translation>传播已取消</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export COCO/APTv2…</source>
        <translation>导出 COCO/APTv2(&amp;E)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;kip Keypoint</source>
        <translation>跳过关键点(&amp;K)</translation>
    </message>
    <message>
        <source>Toggle &amp;Occluded</source>
        <translation>切换遮挡(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Clear Keypoint</source>
        <translation>清除关键点(&amp;C)</translation>
    </message>
    <message>
        <source>Swap &amp;Left and Right</source>
        <translation>交换左右(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Approve Frame</source>
        <translation>批准此帧(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;nimals</source>
        <translation>动物(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add Animal…</source>
        <translation>添加动物(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove Animal</source>
        <translation>删除动物(&amp;R)</translation>
    </message>
    <message>
        <source>Change &amp;Track Id…</source>
        <translation>更改轨迹 ID(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Swap Animals from This Frame…</source>
        <translation>从此帧起交换动物(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Next Animal</source>
        <translation>下一只动物(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Animal</source>
        <translation>上一只动物(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Larger Markers</source>
        <translation>增大标记(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller Markers</source>
        <translation>减小标记(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>跳转(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Frame</source>
        <translation>上一帧(&amp;P)</translation>
    </message>
    <message>
        <source>Forward 10 Frames</source>
        <translation>前进 10 帧</translation>
    </message>
    <message>
        <source>Back 10 Frames</source>
        <translation>后退 10 帧</translation>
    </message>
    <message>
        <source>&amp;First Frame</source>
        <translation>第一帧(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last Frame</source>
        <translation>最后一帧(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Go to Frame…</source>
        <translation>跳转到帧(&amp;G)…</translation>
    </message>
    <message>
        <source>Play / &amp;Pause</source>
        <translation>播放 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;Unlabelled Frame</source>
        <translation>下一个未标注帧(&amp;U)</translation>
    </message>
    <message>
        <source>Next F&amp;lagged Frame</source>
        <translation>下一个被标记帧(&amp;L)</translation>
    </message>
    <message>
        <source>Next Lo&amp;w-Score Frame</source>
        <translation>下一个低分帧(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>跟踪(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Propagate Current Animal</source>
        <translation>传播当前动物(&amp;P)</translation>
    </message>
    <message>
        <source>Propagate &amp;All Animals</source>
        <translation>传播所有动物(&amp;A)</translation>
    </message>
    <message>
        <source>Propagate &amp;Range…</source>
        <translation>传播范围(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Refine After Corrections</source>
        <translation>修正后精修(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel Tracking</source>
        <translation>取消跟踪(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;About Paddock</source>
        <translation>关于 Paddock(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel tracking (Esc)</source>
        <translation>取消跟踪 (Esc)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — Paddock</source>
        <translation>%1[*] — Paddock</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>帧 %1 / %2</translation>
    </message>
    <message>
        <source>About Paddock</source>
        <translation>关于 Paddock</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Paddock %1&lt;/h3&gt;&lt;p&gt;Label animal pose in video: click keypoints, propagate them with a point tracker, review.&lt;/p&gt;&lt;p&gt;Licence: Apache-2.0.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPL-3.0), OpenCV (Apache-2.0), FFmpeg (LGPL-2.1+), LibTorch (BSD-3-Clause) and nlohmann/json (MIT).&lt;/p&gt;&lt;p&gt;The optional CoTracker3 model weights are not included: they are licensed CC BY-NC 4.0 (non-commercial use only) by Meta AI and are loaded from a file you choose.&lt;/p&gt;&lt;p&gt;Keypoint layout and species: AP-10K (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Paddock %1&lt;/h3&gt;&lt;p&gt;在视频中标注动物姿态：点击关键点，用点跟踪器传播，然后审核。&lt;/p&gt;&lt;p&gt;许可证：Apache-2.0。&lt;/p&gt;&lt;p&gt;基于 Qt %2（LGPL-3.0）、OpenCV（Apache-2.0）、FFmpeg（LGPL-2.1+）、LibTorch（BSD-3-Clause）和 nlohmann/json（MIT）构建。&lt;/p&gt;&lt;p&gt;可选的 CoTracker3 模型权重不随软件提供：它们由 Meta AI 以 CC BY-NC 4.0（仅限非商业用途）许可，并从您选择的文件加载。&lt;/p&gt;&lt;p&gt;关键点布局与物种：AP-10K（Apache-2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reviewer Mode</source>
        <translation>审核模式(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Flag Error…</source>
        <translation>标记错误(&amp;F)…</translation>
    </message>
    <message>
        <source>Run Chec&amp;ks</source>
        <translation>运行检查(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Compare Review Rounds…</source>
        <translation>比较审核轮次(&amp;C)…</translation>
    </message>
    <message>
        <source>Open &amp;Frame Folder…</source>
        <translation>打开帧文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open Frame Folder</source>
        <translation>打开帧文件夹</translation>
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
        <translation type="unfinished">不存在片段 %1。</translation>
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
        <translation>将错误标为已修复</translation>
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
        <translation type="unfinished">名称：</translation>
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
        <translation>删除错误条目</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReopenEntry</name>
    <message>
        <source>Reopen Error Entry</source>
        <translation>重新打开错误条目</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReviewDock</name>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Reviewer mode: labels are read-only (“%1” refused). Flag the point, or apply a suggested position as a correction.</source>
        <translation>审核模式：标注为只读（已拒绝“%1”）。请标记该点，或将建议位置作为修正应用。</translation>
    </message>
    <message>
        <source>All errors</source>
        <translation>所有错误</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>To do (open, reopened)</source>
        <translation>待处理（未解决、已重新打开）</translation>
    </message>
    <message>
        <source>This frame</source>
        <translation>此帧</translation>
    </message>
    <message>
        <source>Flag…</source>
        <translation>标记…</translation>
    </message>
    <message>
        <source>Flag the selected keypoint, animal or this frame (reviewer)</source>
        <translation>标记所选关键点、动物或此帧（审核员）</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Mark the selected entry fixed (labeller)</source>
        <translation>将所选条目标为已修复（标注员）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Apply suggestion</source>
        <translation>应用建议</translation>
    </message>
    <message>
        <source>Move the point to the suggested position and accept (reviewer correction)</source>
        <translation>将该点移到建议位置并接受（审核员修正）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <source>Add to list</source>
        <translation>添加到列表</translation>
    </message>
    <message>
        <source>Add all</source>
        <translation>全部添加</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Compare rounds…</source>
        <translation>比较轮次…</translation>
    </message>
    <message>
        <source>Reviewer Mode</source>
        <translation>审核模式</translation>
    </message>
    <message>
        <source>Your name (recorded on flags and rounds):</source>
        <translation>您的姓名（记录在标记和轮次中）：</translation>
    </message>
    <message>
        <source>Reviewer mode: labels are read-only; flag errors, accept or reopen fixes.</source>
        <translation>审核模式：标注为只读；可标记错误，接受或重新打开修正。</translation>
    </message>
    <message>
        <source>Labeller mode: fix the open entries and mark them fixed.</source>
        <translation>标注模式：修正未解决的条目，并将其标为已修复。</translation>
    </message>
    <message>
        <source>No clip is open.</source>
        <translation>未打开任何片段。</translation>
    </message>
    <message>
        <source>What is still wrong (optional):</source>
        <translation>仍存在的问题（可选）：</translation>
    </message>
    <message>
        <source>The checks found nothing.</source>
        <translation>检查未发现任何问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s).</source>
        <translation>
            <numerusform>%n 条检查结果。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) added to the error list.</source>
        <translation>
            <numerusform>已将 %n 个条目添加到错误列表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entry(ies) to %1.</source>
        <translation>
            <numerusform>已将 %n 个条目导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged, %4 kept local.</source>
        <translation>已导入：新增 %1，更新 %2，未变 %3，保留本地 %4。</translation>
    </message>
    <message>
        <source>Export Error List</source>
        <translation>导出错误列表</translation>
    </message>
    <message>
        <source>Error lists (*.json)</source>
        <translation>错误列表 (*.json)</translation>
    </message>
    <message>
        <source>Import Error List</source>
        <translation>导入错误列表</translation>
    </message>
    <message>
        <source>No review round yet: submit the clip for review first.</source>
        <translation>尚无审核轮次：请先提交片段以供审核。</translation>
    </message>
    <message>
        <source>No clip.</source>
        <translation>无片段。</translation>
    </message>
    <message>
        <source>Labelled %1 · propagated, not reviewed %2 · open errors %3 · fixed %4 · accepted %5</source>
        <translation>已标注 %1 · 已传播未审核 %2 · 未解决错误 %3 · 已修复 %4 · 已接受 %5</translation>
    </message>
    <message>
        <source>Not yet submitted for review (labelling).</source>
        <translation>尚未提交审核（标注中）。</translation>
    </message>
    <message>
        <source>Round %1: %2</source>
        <translation>第 %1 轮：%2</translation>
    </message>
    <message>
        <source> · reviewer %1</source>
        <translation> · 审核员 %1</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewer&lt;/b&gt; mode (%1): labels read-only</source>
        <translation>&lt;b&gt;审核&lt;/b&gt;模式（%1）：标注只读</translation>
    </message>
    <message>
        <source>&lt;b&gt;Labeller&lt;/b&gt; mode (%1)</source>
        <translation>&lt;b&gt;标注&lt;/b&gt;模式（%1）</translation>
    </message>
    <message>
        <source>#%1 by %2</source>
        <translation>#%1，由 %2 创建</translation>
    </message>
    <message>
        <source>, %1 by %2</source>
        <translation>，%2 标为%1</translation>
    </message>
    <message>
        <source> · suggested (%1, %2)</source>
        <translation> · 建议位置 (%1, %2)</translation>
    </message>
    <message>
        <source>Select an entry to see its comment; a click jumps to it.</source>
        <translation>选择一个条目以查看其备注；单击即可跳转到该处。</translation>
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
        </translation>
    </message>
    <message numerus="yes">
        <source> on %n frame(s) (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: %1. Approve them (A on each frame) or correct them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Clip</source>
        <translation type="unfinished">接受片段</translation>
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
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s), %1 from the frames.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReviewEdit</name>
    <message>
        <source>There is no clip %1.</source>
        <translation>不存在片段 %1。</translation>
    </message>
    <message>
        <source>Only a reviewer can do this (switch to reviewer mode).</source>
        <translation>只有审核员可以执行此操作（请切换到审核模式）。</translation>
    </message>
    <message>
        <source>Only the labeller can do this (switch to labeller mode).</source>
        <translation>只有标注员可以执行此操作（请切换到标注模式）。</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ReviewOverlay</name>
    <message>
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>animal %1</source>
        <translation>动物 %1</translation>
    </message>
</context>
<context>
    <name>paddock::ui::RoundDiffDialog</name>
    <message>
        <source>moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Compare Review Rounds</source>
        <translation>比较审核轮次</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Animal</source>
        <translation>动物</translation>
    </message>
    <message>
        <source>Keypoint</source>
        <translation>关键点</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>之前 → 之后</translation>
    </message>
    <message>
        <source>Round %1 (%2)</source>
        <translation>第 %1 轮（%2）</translation>
    </message>
    <message>
        <source>Current labels</source>
        <translation>当前标注</translation>
    </message>
    <message numerus="yes">
        <source>%n changed point(s), %1 moved.</source>
        <translation>
            <numerusform>%n 个点已更改，其中 %1 个已移动。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>paddock::ui::RoundStep</name>
    <message>
        <source>Submit for Review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Return to Labeller</source>
        <translation>退回给标注员</translation>
    </message>
    <message>
        <source>Submit Fixes</source>
        <translation>提交修正</translation>
    </message>
    <message>
        <source>Accept Clip</source>
        <translation>接受片段</translation>
    </message>
</context>
<context>
    <name>paddock::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Default (optical flow, no model needed)</source>
        <translation>默认（光流，无需模型）</translation>
    </message>
    <message>
        <source>CoTracker3 (learned point tracker, needs a model file)</source>
        <translation>CoTracker3（学习型点跟踪器，需要模型文件）</translation>
    </message>
    <message>
        <source>scaled_offline.pth</source>
        <translation>scaled_offline.pth</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>tracker default</source>
        <translation>跟踪器默认值</translation>
    </message>
    <message>
        <source>Tracker:</source>
        <translation>跟踪器：</translation>
    </message>
    <message>
        <source>Model file:</source>
        <translation>模型文件：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Fine-tuning steps:</source>
        <translation>微调步数：</translation>
    </message>
    <message>
        <source>View and Files</source>
        <translation>视图与文件</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Marker size:</source>
        <translation>标记大小：</translation>
    </message>
    <message>
        <source>Low score below:</source>
        <translation>低分阈值：</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>自动保存间隔：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>CoTracker3 Model File</source>
        <translation>CoTracker3 模型文件</translation>
    </message>
    <message>
        <source>PyTorch checkpoints (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 检查点 (*.pth *.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The default tracker follows points with optical flow between your labelled frames. It needs no model file and runs on the CPU.</source>
        <translation>默认跟踪器在已标注帧之间用光流跟踪关键点。它不需要模型文件，在 CPU 上运行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Licence:&lt;/b&gt; the CoTracker3 weights by Meta AI are licensed &lt;b&gt;CC BY-NC 4.0&lt;/b&gt;: non-commercial use only. Paddock does not ship them; download &lt;i&gt;scaled_offline.pth&lt;/i&gt; yourself and choose it here.</source>
        <translation>&lt;b&gt;许可证：&lt;/b&gt;Meta AI 的 CoTracker3 权重采用 &lt;b&gt;CC BY-NC 4.0&lt;/b&gt; 许可：仅限非商业用途。Paddock 不附带这些权重；请自行下载 &lt;i&gt;scaled_offline.pth&lt;/i&gt; 并在此选择。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Missing:&lt;/b&gt; no model file is set, so propagation will fail until you choose one (or switch back to the default tracker).</source>
        <translation>&lt;br&gt;&lt;b&gt;缺少：&lt;/b&gt;尚未设置模型文件，在您选择模型文件（或切换回默认跟踪器）之前，传播将会失败。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Missing:&lt;/b&gt; the model file %1 does not exist.</source>
        <translation>&lt;br&gt;&lt;b&gt;缺少：&lt;/b&gt;模型文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language applies when Paddock restarts.</source>
        <translation>新语言将在 Paddock 重启后生效。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts…</source>
        <translation>键盘快捷键…</translation>
    </message>
    <message>
        <source>Shortcuts:</source>
        <translation>快捷键：</translation>
    </message>
</context>
<context>
    <name>paddock::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Mouse: click places the next keypoint · drag moves a point · right-click marks occluded or clears · wheel zooms · middle or Ctrl+drag pans.
Click a shortcut to change it.</source>
        <translation>鼠标：点击放置下一个关键点 · 拖动移动关键点 · 右键标为遮挡或清除 · 滚轮缩放 · 中键或 Ctrl+拖动平移。
点击快捷键即可修改。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>%1 is used by both &quot;%2&quot; and &quot;%3&quot;.</source>
        <translation>%1 同时被“%2”和“%3”使用。</translation>
    </message>
</context>
<context>
    <name>paddock::ui::Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>animal</source>
        <translation>动物</translation>
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
