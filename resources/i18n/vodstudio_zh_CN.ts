<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>No system keychain: the secret is kept for this session only.</source>
        <translation>没有可用的系统钥匙串：密钥只在本次运行期间保存。</translation>
    </message>
    <message>
        <source>The secret is stored in the system keychain, never in a file.</source>
        <translation>密钥保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Project ID:</source>
        <translation>项目 ID(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>云服务(&amp;C)：</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>地域(&amp;G)：</translation>
    </message>
    <message>
        <source>Network (advanced)</source>
        <translation>网络（高级）</translation>
    </message>
    <message>
        <source>Default for the region</source>
        <translation>使用该地域的默认地址</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>跟随系统设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>Custom (HTTP or SOCKS5)</source>
        <translation>自定义（HTTP 或 SOCKS5）</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>接入地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>代理(&amp;X)：</translation>
    </message>
    <message>
        <source>Proxy &amp;URL:</source>
        <translation>代理地址(&amp;U)：</translation>
    </message>
    <message>
        <source>ACS3-HMAC-SHA256 (recommended)</source>
        <translation>ACS3-HMAC-SHA256（推荐）</translation>
    </message>
    <message>
        <source>HMAC-SHA1 (legacy)</source>
        <translation>HMAC-SHA1（旧版）</translation>
    </message>
    <message>
        <source>Request &amp;signature:</source>
        <translation>请求签名(&amp;S)：</translation>
    </message>
    <message>
        <source>Alibaba Cloud ApsaraVideo VOD</source>
        <translation>阿里云视频点播</translation>
    </message>
    <message>
        <source>Huawei Cloud VOD</source>
        <translation>华为云视频点播</translation>
    </message>
    <message>
        <source>Access &amp;Key (AK):</source>
        <translation>访问密钥 ID（AK）(&amp;K)：</translation>
    </message>
    <message>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Secret Key (SK):</source>
        <translation>秘密访问密钥（SK）(&amp;S)：</translation>
    </message>
    <message>
        <source>AccessKey &amp;Secret:</source>
        <translation>AccessKey Secret(&amp;S)：</translation>
    </message>
    <message>
        <source> · local sandbox</source>
        <translation> · 本地沙箱</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>请为账号取一个名称。</translation>
    </message>
    <message>
        <source>Enter the AccessKey ID.</source>
        <translation>请填写 AccessKey ID。</translation>
    </message>
    <message>
        <source>This cloud needs the project ID of the region.</source>
        <translation>该云服务需要填写所在地域的项目 ID。</translation>
    </message>
    <message>
        <source>The proxy URL must start with http://, https:// or socks5://.</source>
        <translation>代理地址须以 http://、https:// 或 socks5:// 开头。</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>请填写密钥。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <source>Remove “%1” and its stored secret? Queued uploads of this account stay in the queue.</source>
        <translation>要移除“%1”及其保存的密钥吗？该账号排队中的上传任务会保留在队列里。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Enter the secret first.</source>
        <translation>请先填写密钥。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>连接成功。</translation>
    </message>
</context>
<context>
    <name>AdvancedBox</name>
    <message>
        <source>The account&apos;s default storage</source>
        <translation>账号的默认存储</translation>
    </message>
    <message>
        <source>The account&apos;s default application</source>
        <translation>账号的默认应用</translation>
    </message>
    <message>
        <source>Higher numbers upload first.</source>
        <translation>数字越大越先上传。</translation>
    </message>
    <message>
        <source>Transcoding &amp;template group:</source>
        <translation>转码模板组(&amp;T)：</translation>
    </message>
    <message>
        <source>Storage &amp;location:</source>
        <translation>存储地址(&amp;L)：</translation>
    </message>
    <message>
        <source>App&amp;Id:</source>
        <translation>应用 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R)：</translation>
    </message>
    <message>
        <source>Prefetch on CDN when playable</source>
        <translation>可播放后在 CDN 预热</translation>
    </message>
    <message>
        <source>Once each video plays, its play URLs are prefetched on the CDN (daily prefetch quota).</source>
        <translation>每个视频可以播放后，在 CDN 预热它的播放地址（占用每日预热配额）。</translation>
    </message>
    <message>
        <source>Accelerate this upload (billed per GB)</source>
        <translation>这次上传使用加速（按 GB 计费）</translation>
    </message>
    <message>
        <source>Normal route for this upload</source>
        <translation>这次上传走普通线路</translation>
    </message>
    <message>
        <source>Upload route: as set for the account</source>
        <translation>上传线路：按账号设置</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>AssetPickerDialog</name>
    <message>
        <source>Pick Huawei Cloud assets</source>
        <translation>选择华为云媒资</translation>
    </message>
    <message>
        <source>Filter by title or id</source>
        <translation>按标题或 ID 筛选</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Asset ID</source>
        <translation>媒资 ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n asset(s).</source>
        <translation>
            <numerusform>共 %n 个媒资。</numerusform>
        </translation>
    </message>
    <message>
        <source>No assets.</source>
        <translation>没有媒资。</translation>
    </message>
</context>
<context>
    <name>AssetTableModel</name>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Sorted by the server across the whole library</source>
        <translation>由服务端对整个媒资库排序</translation>
    </message>
    <message>
        <source>Sorted within the rows loaded so far</source>
        <translation>仅在已加载的行内排序</translation>
    </message>
</context>
<context>
    <name>ByteSizeLabel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CdnPanel</name>
    <message>
        <source>CDN domain</source>
        <translation>CDN 域名</translation>
    </message>
    <message>
        <source>CDN domain, e.g. vod.example.com</source>
        <translation>CDN 域名，例如 vod.example.com</translation>
    </message>
    <message>
        <source>Refresh &amp;&amp; prefetch</source>
        <translation>刷新与预热</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>域名：</translation>
    </message>
    <message>
        <source>No account yet: add one to manage its CDN.</source>
        <translation>还没有账号：添加一个账号后即可管理它的 CDN。</translation>
    </message>
    <message>
        <source>This cloud takes playback URLs or asset ids for refresh and prefetch; it has no usage charts or logs here.</source>
        <translation>该云服务按播放地址或媒资 ID 刷新和预热；这里不提供用量图表和日志。</translation>
    </message>
    <message>
        <source>online</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>being configured</source>
        <translation>配置中</translation>
    </message>
    <message>
        <source>configuration failed</source>
        <translation>配置失败</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>review failed</source>
        <translation>审核未通过</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting item(s) submitted after the quota reset.</source>
        <translation>
            <numerusform>配额重置后，已提交 %n 个等待中的条目。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CdnTaskModel</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>URL / item</source>
        <translation>地址 / 条目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Task ID</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CdnTasks</name>
    <message>
        <source>Refresh URL</source>
        <translation>刷新 URL</translation>
    </message>
    <message>
        <source>Refresh directory</source>
        <translation>刷新目录</translation>
    </message>
    <message>
        <source>Prefetch</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Waiting for quota</source>
        <translation>等待配额</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <source>Total traffic:</source>
        <translation>总流量：</translation>
    </message>
    <message>
        <source>Peak bandwidth:</source>
        <translation>带宽峰值：</translation>
    </message>
    <message>
        <source>Enter the CDN domain above first.</source>
        <translation>请先在上方填写 CDN 域名。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>one point every %1 min</source>
        <translation>每 %1 分钟一个数据点</translation>
    </message>
    <message>
        <source>No usage in this range.</source>
        <translation>该时间范围内没有用量。</translation>
    </message>
</context>
<context>
    <name>ChartsUnavailablePage</name>
    <message>
        <source>Usage charts need Qt Charts, which could not be loaded: %1</source>
        <translation>用量图表需要 Qt Charts，但无法加载：%1</translation>
    </message>
</context>
<context>
    <name>DateRangePicker</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>清晰度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>作业 ID</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Play URLs</source>
        <translation>播放地址</translation>
    </message>
    <message>
        <source>Download source…</source>
        <translation>下载源文件…</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>源文件</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Select one asset to see its details.</source>
        <translation>选中一个媒资即可查看详情。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储地址</translation>
    </message>
    <message>
        <source>Cover URL</source>
        <translation>封面地址</translation>
    </message>
    <message>
        <source>No snapshots.</source>
        <translation>没有截图。</translation>
    </message>
    <message>
        <source>No streams yet.</source>
        <translation>还没有转码流。</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>Only videos in the Normal state can be previewed.</source>
        <translation>只有状态为“可播放”的视频才能预览。</translation>
    </message>
    <message>
        <source>Download source file</source>
        <translation>下载源文件</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>已取消下载。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Uploaded Before</source>
        <translation>以前上传过</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this drop are already in this account (same content).</source>
        <translation>
            <numerusform>这次拖入的文件中有 %n 个已在此账号中（内容相同）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) are new and will be uploaded in any case.</source>
        <translation>
            <numerusform>另外 %n 个文件是新的，无论如何都会上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>“Replace” uploads them and deletes each old video once its new copy is uploaded.</source>
        <translation>“替换”会上传这些文件，并在每个新副本上传完成后删除对应的旧视频。</translation>
    </message>
    <message>
        <source>Skip Them</source>
        <translation>跳过这些文件</translation>
    </message>
    <message>
        <source>Upload Again</source>
        <translation>再次上传</translation>
    </message>
    <message>
        <source>Replace Old Videos</source>
        <translation>替换旧视频</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message numerus="yes">
        <source>Edit %n asset(s)</source>
        <translation>
            <numerusform>编辑 %n 个媒资</numerusform>
        </translation>
    </message>
    <message>
        <source>comma separated, at most 16</source>
        <translation>用逗号分隔，最多 16 个</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>（不修改）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tick the fields to set in every selected asset.</source>
        <translation>勾选要统一设置到所有选中媒资的字段。</translation>
    </message>
    <message>
        <source>The title cannot be empty.</source>
        <translation>标题不能为空。</translation>
    </message>
    <message>
        <source>The title is longer than 128 bytes.</source>
        <translation>标题超过了 128 字节。</translation>
    </message>
    <message>
        <source>The description is longer than 1,024 bytes.</source>
        <translation>描述超过了 1024 字节。</translation>
    </message>
    <message>
        <source>At most 16 tags.</source>
        <translation>最多 16 个标签。</translation>
    </message>
</context>
<context>
    <name>EmptyQueueView</name>
    <message>
        <source>Drop videos, audio or images here</source>
        <translation>把视频、音频或图片拖到这里</translation>
    </message>
    <message>
        <source>Folders are searched for media files. Uploads resume after a restart.</source>
        <translation>会在文件夹中查找媒体文件。重启后上传会从中断处继续。</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The temporary upload credential expired.</source>
        <translation>临时上传凭证已过期。</translation>
    </message>
    <message>
        <source>The AccessKey ID does not exist. Check the account.</source>
        <translation>该 AccessKey ID 不存在，请检查账号。</translation>
    </message>
    <message>
        <source>The AccessKey ID was not accepted. Check the account settings.</source>
        <translation>AccessKey ID 未被接受，请检查账号设置。</translation>
    </message>
    <message>
        <source>This AccessKey is disabled in the cloud console.</source>
        <translation>该 AccessKey 已在云控制台中被禁用。</translation>
    </message>
    <message>
        <source>The request signature was rejected: the AccessKey secret is probably wrong.</source>
        <translation>请求签名被拒绝：AccessKey Secret 很可能填错了。</translation>
    </message>
    <message>
        <source>The request signature was rejected.</source>
        <translation>请求签名被拒绝。</translation>
    </message>
    <message>
        <source>The service computed a different request signature. Check the AccessKey secret; if it is right, switch the account&apos;s request signature (Accounts → Request signature).</source>
        <translation>服务端算出的请求签名与本机不同。请检查 AccessKey Secret；如果密钥无误，请切换该账号的请求签名方式（账号 → 请求签名）。</translation>
    </message>
    <message>
        <source>The service does not accept this request signature. Set the account&apos;s request signature to ACS3-HMAC-SHA256 (Accounts → Request signature).</source>
        <translation>服务端不接受这种请求签名。请把该账号的请求签名设为 ACS3-HMAC-SHA256（账号 → 请求签名）。</translation>
    </message>
    <message>
        <source>The bucket refuses OSS V1 signatures (new accounts and buckets); uploads must be signed with OSS V4.</source>
        <translation>该存储空间不再接受 OSS V1 签名（新账号和新存储空间均如此），上传必须使用 OSS V4 签名。</translation>
    </message>
    <message>
        <source>The computer&apos;s clock is too far off. Correct the system time.</source>
        <translation>电脑时间偏差太大，请校准系统时间。</translation>
    </message>
    <message>
        <source>This AccessKey lacks the permission for this action (RAM policy).</source>
        <translation>该 AccessKey 没有执行此操作的权限（RAM 策略）。</translation>
    </message>
    <message>
        <source>Huawei Cloud rejected the AK/SK signature: check the AK, SK and project ID.</source>
        <translation>华为云拒绝了 AK/SK 签名：请检查 AK、SK 和项目 ID。</translation>
    </message>
    <message>
        <source>Huawei Cloud does not know this API or endpoint.</source>
        <translation>华为云不认识这个接口或接入地址。</translation>
    </message>
    <message>
        <source>Today&apos;s CDN refresh quota is used up.</source>
        <translation>今天的 CDN 刷新配额已用完。</translation>
    </message>
    <message>
        <source>Today&apos;s CDN prefetch quota is used up.</source>
        <translation>今天的 CDN 预热配额已用完。</translation>
    </message>
    <message>
        <source>The service is throttling requests; it will be retried.</source>
        <translation>服务端正在限流，稍后会自动重试。</translation>
    </message>
    <message>
        <source>Too many requests from this account; it will be retried.</source>
        <translation>该账号请求过于频繁，稍后会自动重试。</translation>
    </message>
    <message>
        <source>The video no longer exists.</source>
        <translation>该视频已不存在。</translation>
    </message>
    <message>
        <source>The video has no playable stream yet.</source>
        <translation>该视频还没有可播放的流。</translation>
    </message>
    <message>
        <source>The video is not in a state that allows this action.</source>
        <translation>该视频当前的状态不允许执行此操作。</translation>
    </message>
    <message>
        <source>The unfinished upload is gone from the server; it starts again.</source>
        <translation>服务端上未完成的上传已不存在，将重新开始上传。</translation>
    </message>
    <message>
        <source>The item does not exist.</source>
        <translation>该条目不存在。</translation>
    </message>
    <message>
        <source>The service had an internal error; it will be retried.</source>
        <translation>服务端内部出错，稍后会自动重试。</translation>
    </message>
    <message>
        <source>The service is unavailable right now; it will be retried.</source>
        <translation>服务暂时不可用，稍后会自动重试。</translation>
    </message>
    <message>
        <source>This CDN domain does not belong to the account.</source>
        <translation>该 CDN 域名不属于此账号。</translation>
    </message>
    <message>
        <source>This storage location does not exist in the account: check Advanced → Storage location.</source>
        <translation>账号中没有这个存储地址：请检查“高级 → 存储地址”。</translation>
    </message>
    <message>
        <source>This transcoding template group does not exist.</source>
        <translation>这个转码模板组不存在。</translation>
    </message>
    <message>
        <source>The file is gone: it was moved or deleted.</source>
        <translation>文件不见了：它已被移动或删除。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file cannot be read (permissions?).</source>
        <translation>无法读取该文件（权限不足？）。</translation>
    </message>
    <message>
        <source>This is not a regular file.</source>
        <translation>这不是普通文件。</translation>
    </message>
    <message>
        <source>The file changed during the upload; upload it again.</source>
        <translation>上传过程中文件被修改了，请重新上传。</translation>
    </message>
    <message>
        <source>VOD does not take this kind of file.</source>
        <translation>视频点播不支持这种文件。</translation>
    </message>
    <message>
        <source>The file is too large for this.</source>
        <translation>文件太大，无法用于此处。</translation>
    </message>
    <message>
        <source>The file cannot be written here (permissions or disk space?).</source>
        <translation>无法在此处写入文件（权限或磁盘空间不足？）。</translation>
    </message>
    <message>
        <source>The uploaded data did not match the file (checksum mismatch).</source>
        <translation>上传的数据与文件不一致（校验值不符）。</translation>
    </message>
    <message>
        <source>Network problem: the server could not be reached.</source>
        <translation>网络问题：无法连接到服务器。</translation>
    </message>
    <message>
        <source>The server stopped answering in time.</source>
        <translation>服务器没有及时响应。</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>服务器停止响应了。</translation>
    </message>
    <message>
        <source>The storage server redirected the upload elsewhere; it was refused.</source>
        <translation>存储服务器把上传重定向到了别处，已拒绝。</translation>
    </message>
    <message>
        <source>The API server redirected the request elsewhere; it was refused.</source>
        <translation>接口服务器把请求重定向到了别处，已拒绝。</translation>
    </message>
    <message>
        <source>The disk holding the profile is full. Free some space; the upload resumes.</source>
        <translation>存放配置文件的磁盘已满。请释放一些空间，上传会接着继续。</translation>
    </message>
    <message>
        <source>The profile folder is read-only: nothing can be saved.</source>
        <translation>配置文件夹是只读的，无法保存任何内容。</translation>
    </message>
    <message>
        <source>The queue database is damaged; restart VOD Studio to set it aside.</source>
        <translation>队列数据库已损坏；请重启 VOD Studio，它会把旧数据库另存起来。</translation>
    </message>
    <message>
        <source>The profile&apos;s database could not be read or written.</source>
        <translation>无法读写配置文件中的数据库。</translation>
    </message>
    <message>
        <source>Another VOD Studio process is uploading from this profile.</source>
        <translation>另一个 VOD Studio 进程正在使用这份配置上传。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The account&apos;s secret is not in the keychain any more: enter it again in Accounts.</source>
        <translation>钥匙串里已找不到该账号的密钥，请在“账号”中重新填写。</translation>
    </message>
    <message>
        <source>This cloud cannot do that: switch to an account that can.</source>
        <translation>该云服务不支持此操作，请切换到支持的账号。</translation>
    </message>
    <message>
        <source>There is no account yet: add one in Accounts.</source>
        <translation>还没有账号，请在“账号”中添加。</translation>
    </message>
    <message>
        <source>The system keychain refused to store or read the secret.</source>
        <translation>系统钥匙串拒绝保存或读取密钥。</translation>
    </message>
    <message>
        <source>The server answered in an unexpected format.</source>
        <translation>服务器返回的格式不符合预期。</translation>
    </message>
    <message>
        <source>This cloud cannot do this kind of CDN task.</source>
        <translation>该云服务不支持这类 CDN 任务。</translation>
    </message>
    <message>
        <source>Some lines cannot be sent; fix or remove them.</source>
        <translation>有几行无法提交，请修改或删除。</translation>
    </message>
    <message>
        <source>This video has no downloadable source file.</source>
        <translation>该视频没有可下载的源文件。</translation>
    </message>
    <message>
        <source>The upload credential kept expiring before the file was sent.</source>
        <translation>文件还没传完，上传凭证就反复过期了。</translation>
    </message>
    <message>
        <source>There is no preset with this name any more.</source>
        <translation>已没有这个名称的预设。</translation>
    </message>
    <message>
        <source>A preset with this name exists already.</source>
        <translation>已有同名预设。</translation>
    </message>
    <message>
        <source>A preset name needs 1 to 64 characters on one line.</source>
        <translation>预设名称须为一行，1 到 64 个字符。</translation>
    </message>
    <message>
        <source>This is not a valid VOD Studio presets file.</source>
        <translation>这不是有效的 VOD Studio 预设文件。</translation>
    </message>
    <message>
        <source>This folder does not exist (any more).</source>
        <translation>此文件夹不存在（或已被移走）。</translation>
    </message>
    <message>
        <source>The settle time must be at least one second.</source>
        <translation>稳定时间至少为 1 秒。</translation>
    </message>
    <message>
        <source>A watch folder needs a folder.</source>
        <translation>监视文件夹需要指定一个文件夹。</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>上传失败</translation>
    </message>
    <message>
        <source>Uploaded, waiting to transcode</source>
        <translation>已上传，等待转码</translation>
    </message>
    <message>
        <source>Transcoding</source>
        <translation>转码中</translation>
    </message>
    <message>
        <source>Transcoding failed</source>
        <translation>转码失败</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已屏蔽</translation>
    </message>
    <message>
        <source>Playable</source>
        <translation>可播放</translation>
    </message>
    <message>
        <source>Production failed</source>
        <translation>制作失败</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
    <message>
        <source>RequestId %1</source>
        <translation>请求 ID %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search titles… (Ctrl+F)</source>
        <translation>搜索标题…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Attached media</source>
        <translation>辅助媒资</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Tags, comma separated</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message numerus="yes">
        <source>%n uploaded before — skipped.</source>
        <translation>
            <numerusform>%n 个以前上传过，已跳过。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named twice — queued once.</source>
        <translation>
            <numerusform>%n 个重复拖入，只排队一次。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <source>Delete streams…</source>
        <translation>删除转码流…</translation>
    </message>
    <message>
        <source>Delete source files…</source>
        <translation>删除源文件…</translation>
    </message>
    <message>
        <source>Replace cover…</source>
        <translation>更换封面…</translation>
    </message>
    <message>
        <source>Delete snapshots…</source>
        <translation>删除截图…</translation>
    </message>
    <message>
        <source>Delete images by URL…</source>
        <translation>按地址删除图片…</translation>
    </message>
    <message>
        <source>Refresh on CDN</source>
        <translation>在 CDN 上刷新</translation>
    </message>
    <message>
        <source>Prefetch on CDN</source>
        <translation>在 CDN 上预热</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n asset(s). The search index may take a moment to show it.</source>
        <translation>
            <numerusform>已保存 %n 个媒资。搜索结果可能要过一会儿才会更新。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n asset(s)? Source, streams and snapshots are removed for good.</source>
        <translation>
            <numerusform>要删除 %n 个媒资吗？源文件、转码流和截图都会被永久删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Asset(s)</source>
        <translation>
            <numerusform>删除 %n 个媒资</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n asset(s).</source>
        <translation>
            <numerusform>已删除 %n 个媒资。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n stream(s).</source>
        <translation>
            <numerusform>已删除 %n 个转码流。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete streams</source>
        <translation>删除转码流</translation>
    </message>
    <message>
        <source>Tick the transcoded streams to delete. Players using them stop working.</source>
        <translation>勾选要删除的转码流。正在使用这些流的播放器将无法播放。</translation>
    </message>
    <message numerus="yes">
        <source>%n source file(s) kept: they are the only playable stream. Tick Force to delete anyway.</source>
        <translation>
            <numerusform>保留了 %n 个源文件：它们是唯一可播放的流。勾选“强制删除”可以照样删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted the source file(s).</source>
        <translation>已删除源文件。</translation>
    </message>
    <message>
        <source>Delete snapshots</source>
        <translation>删除截图</translation>
    </message>
    <message>
        <source>Which kinds of snapshot should go?</source>
        <translation>要删除哪些类型的截图？</translation>
    </message>
    <message>
        <source>Deleted the snapshots.</source>
        <translation>已删除截图。</translation>
    </message>
    <message>
        <source>Delete images by URL</source>
        <translation>按地址删除图片</translation>
    </message>
    <message>
        <source>One image URL per line:</source>
        <translation>每行一个图片地址：</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n image(s).</source>
        <translation>
            <numerusform>已删除 %n 张图片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a cover image</source>
        <translation>选择封面图片</translation>
    </message>
    <message>
        <source>Cover replaced.</source>
        <translation>封面已更换。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n video(s) to the CDN; the CDN section&apos;s Tasks show each result.</source>
        <translation>
            <numerusform>已把 %n 个视频提交给 CDN；在“CDN”的“任务”页可以看到每个视频的结果。</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the selected videos has a play URL yet.</source>
        <translation>选中的视频都还没有播放地址。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n URL(s) to the CDN.</source>
        <translation>
            <numerusform>已向 CDN 提交 %n 个地址。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for tomorrow&apos;s quota.</source>
        <translation>
            <numerusform>%n 个等待明天的配额。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryEdit</name>
    <message>
        <source>Delete source files</source>
        <translation>删除源文件</translation>
    </message>
    <message>
        <source>The original uploaded files are deleted; transcoded streams stay playable. This cannot be undone.</source>
        <translation>上传的原始文件会被删除，转码流仍可播放。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Force</source>
        <translation>强制删除</translation>
    </message>
    <message>
        <source>Needed when a video has no transcoded streams (no-transcode or async-transcode mode): its source file IS the playback stream, so forcing the deletion makes the video unplayable.</source>
        <translation>视频没有转码流时（不转码或异步转码模式）才需要勾选：此时源文件就是播放流，强制删除后视频将无法播放。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>No account yet: add an Alibaba Cloud account or try the sandbox.</source>
        <translation>还没有账号：添加一个阿里云账号，或先试试本地沙箱。</translation>
    </message>
    <message>
        <source>The library is available for Alibaba Cloud VOD accounts. Huawei Cloud accounts use the CDN section.</source>
        <translation>媒资库仅适用于阿里云视频点播账号。华为云账号请使用“CDN”。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Nothing matches this search.</source>
        <translation>没有符合条件的结果。</translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <source>sorted within the loaded rows</source>
        <translation>仅在已加载的行内排序</translation>
    </message>
    <message>
        <source>Press F5 to try again.</source>
        <translation>按 F5 重试。</translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation>正在加载更多…</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>List logs</source>
        <translation>列出日志</translation>
    </message>
    <message>
        <source>Download selected…</source>
        <translation>下载所选…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Enter the CDN domain above first.</source>
        <translation>请先在上方填写 CDN 域名。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n log file(s).</source>
        <translation>
            <numerusform>共 %n 个日志文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>No logs in this range.</source>
        <translation>该时间范围内没有日志。</translation>
    </message>
    <message>
        <source>Select the logs to download first.</source>
        <translation>请先选中要下载的日志。</translation>
    </message>
    <message>
        <source>Download logs to</source>
        <translation>把日志下载到</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) saved to %1</source>
        <translation>
            <numerusform>已把 %n 个文件保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>已取消下载。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>媒资库</translation>
    </message>
    <message>
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>添加文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Manage &amp;Presets…</source>
        <translation>管理预设(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账号(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>关于 %1(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>上传(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Active account</source>
        <translation>当前账号</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>%1 %2
Upload to, manage and serve from cloud VOD.</source>
        <translation>%1 %2
上传、管理和分发云点播视频。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message numerus="yes">
        <source>%n uploading</source>
        <translation>
            <numerusform>%n 个上传中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit %1</source>
        <translation>退出 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) are running. Quit now? They stop where they are and continue the next time you open %1.</source>
        <translation>
            <numerusform>还有 %n 个上传正在进行。现在退出吗？它们会停在当前位置，下次打开 %1 时继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keep Uploading</source>
        <translation>继续上传</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>没有账号</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source> (local sandbox)</source>
        <translation>（本地沙箱）</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <source>Log Folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <source>The logs are in %1</source>
        <translation>日志位于 %1</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙箱</translation>
    </message>
</context>
<context>
    <name>MediaFilters</name>
    <message>
        <source>All media</source>
        <translation>所有媒体</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MediaRefreshDialog</name>
    <message>
        <source>Prefetch on CDN</source>
        <translation>在 CDN 上预热</translation>
    </message>
    <message>
        <source>Refresh on CDN</source>
        <translation>在 CDN 上刷新</translation>
    </message>
    <message numerus="yes">
        <source>Every play URL of %n video(s) in the chosen formats (none ticked: all formats).</source>
        <translation>
            <numerusform>%n 个视频在所选格式下的全部播放地址（都不勾选表示全部格式）。</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>不预热分片</translation>
    </message>
    <message>
        <source>TS slices per M3U8 stream</source>
        <translation>每个 M3U8 流的 TS 分片数</translation>
    </message>
    <message>
        <source>M3U8: also the first &amp;TS slices:</source>
        <translation>M3U8：同时处理开头的 TS 分片(&amp;T)：</translation>
    </message>
    <message>
        <source>Counting the URLs and checking today&apos;s quota…</source>
        <translation>正在统计地址并查询今天的配额…</translation>
    </message>
    <message>
        <source>This uses %1 of today&apos;s %2 left.</source>
        <translation>将消耗 %1 个，今天还剩 %2 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) have nothing to send yet (not playable).</source>
        <translation>
            <numerusform>有 %n 个视频暂时没有可提交的地址（还不能播放）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough quota today: send fewer videos.</source>
        <translation>今天的配额不够，请少选几个视频。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
</context>
<context>
    <name>MediaTasksTable</name>
    <message>
        <source>Video ID</source>
        <translation>视频 ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>URLs done</source>
        <translation>成功地址数</translation>
    </message>
    <message>
        <source>URLs failed</source>
        <translation>失败地址数</translation>
    </message>
    <message>
        <source>Job ID</source>
        <translation>作业 ID</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>MetadataSheet</name>
    <message numerus="yes">
        <source>Upload %n Item(s)</source>
        <translation>
            <numerusform>上传 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Include all files in folders, not only media</source>
        <translation>包括文件夹中的所有文件，而不仅是媒体文件</translation>
    </message>
    <message>
        <source>Use these values as defaults next time</source>
        <translation>下次默认使用这些设置</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>存为预设…</translation>
    </message>
    <message>
        <source>Pre&amp;set:</source>
        <translation>预设(&amp;S)：</translation>
    </message>
    <message>
        <source>From each file name</source>
        <translation>取自各自的文件名</translation>
    </message>
    <message>
        <source>A title, or a pattern for each file: {stem} the file name, {date} today (YYYY-MM-DD), {folder} the file&apos;s folder. Other {words} stay as typed.</source>
        <translation>标题，或每个文件适用的格式：{stem} 为文件名，{date} 为今天（YYYY-MM-DD），{folder} 为文件所在文件夹。其他 {词} 按原样保留。</translation>
    </message>
    <message>
        <source>Comma-separated, up to 16</source>
        <translation>用逗号分隔，最多 16 个</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>不分类</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Optional local image</source>
        <translation>可选：本地图片</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Cover preview</source>
        <translation>封面预览</translation>
    </message>
    <message>
        <source>Use the image beside each video with the same name</source>
        <translation>使用每个视频旁边同名的图片</translation>
    </message>
    <message>
        <source>clip.mp4 gets clip.jpg, clip.jpeg or clip.png as its cover.</source>
        <translation>clip.mp4 以 clip.jpg、clip.jpeg 或 clip.png 作为封面。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>存为预设</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <source>A preset named “%1” exists. Replace it?</source>
        <translation>已有名为“%1”的预设。要替换它吗？</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;over:</source>
        <translation>封面(&amp;O)：</translation>
    </message>
    <message>
        <source>The folder “%1” to account “%2”.</source>
        <translation>文件夹“%1”，上传到账号“%2”。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>%1 to account “%2”.</source>
        <translation>%1，上传到账号“%2”。</translation>
    </message>
    <message>
        <source>“%1” to account “%2”.</source>
        <translation>“%1”，上传到账号“%2”。</translation>
    </message>
    <message>
        <source>Categories unavailable</source>
        <translation>无法获取分类</translation>
    </message>
    <message>
        <source>Cover Image</source>
        <translation>封面图片</translation>
    </message>
</context>
<context>
    <name>PlaysWiring</name>
    <message>
        <source>Upload &amp;Route and Speed Test…</source>
        <translation>上传线路与测速(&amp;R)…</translation>
    </message>
    <message>
        <source>%1 uploaded, %2 failed.</source>
        <translation>%1 个已上传，%2 个失败。</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) finished; waiting until they play.</source>
        <translation>
            <numerusform>%n 个上传已完成，正在等待可以播放。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n video(s) playable.</source>
        <translation>
            <numerusform>%n 个视频已可播放。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 playable; not playable: %2</source>
        <translation>%1 个可播放；无法播放：%2</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>请先添加一个账号。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>The new language is used from the next start of VOD Studio.</source>
        <translation>新语言将在下次启动 VOD Studio 时生效。</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <source>Upload Presets</source>
        <translation>上传预设</translation>
    </message>
    <message>
        <source>No presets yet. In the upload sheet, choose “Save as Preset…”.</source>
        <translation>还没有预设。请在上传表单中选择“存为预设…”。</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>each file&apos;s name</source>
        <translation>各文件的文件名</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>标题：%1</translation>
    </message>
    <message>
        <source>Rename Preset</source>
        <translation>重命名预设</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Renamed to “%1”.</source>
        <translation>已重命名为“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n preset(s)?</source>
        <translation>
            <numerusform>要删除 %n 个预设吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Presets</source>
        <translation>删除预设</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n preset(s).</source>
        <translation>
            <numerusform>已删除 %n 个预设。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Presets</source>
        <translation>导入预设</translation>
    </message>
    <message>
        <source>Presets (*.json)</source>
        <translation>预设 (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n preset(s).</source>
        <translation>
            <numerusform>已导入 %n 个预设。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” exists: imported as “%2”.</source>
        <translation>“%1”已存在：已导入为“%2”。</translation>
    </message>
    <message>
        <source>Export Presets</source>
        <translation>导出预设</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n preset(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个预设导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPlayer</name>
    <message>
        <source>Preview is unavailable: Qt Multimedia could not be loaded (%1).</source>
        <translation>无法预览：Qt Multimedia 加载失败（%1）。</translation>
    </message>
    <message>
        <source>Pick a stream and press Preview.</source>
        <translation>选择一个流，然后点“预览”。</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格键）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Playback failed: %1</source>
        <translation>播放失败：%1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Upload Next</source>
        <translation>下一个上传</translation>
    </message>
    <message>
        <source>Start the selected uploads before all others</source>
        <translation>让选中的上传排在所有其他上传之前开始</translation>
    </message>
    <message>
        <source>Pause All</source>
        <translation>全部暂停</translation>
    </message>
    <message>
        <source>Resume All</source>
        <translation>全部继续</translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take the selected finished uploads off the list</source>
        <translation>把选中的已结束上传从列表中移除</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Take every done and cancelled upload off the list</source>
        <translation>把所有已完成和已取消的上传从列表中移除</translation>
    </message>
    <message>
        <source>Files uploaded at the same time</source>
        <translation>同时上传的文件数</translation>
    </message>
    <message>
        <source>At most this many connections: the app finds the number that fills your link</source>
        <translation>最多使用这么多个连接：应用会自动找到能跑满你线路的连接数</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> MB/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Bandwidth limit for all uploads (0 = unlimited)</source>
        <translation>所有上传的总带宽上限（0 表示不限速）</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>文件数：</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>连接数：</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>限速：</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Add an account first.</source>
        <translation>请先添加一个账号。</translation>
    </message>
    <message>
        <source>Uploads go to Alibaba Cloud VOD. Switch to an Alibaba Cloud account to upload.</source>
        <translation>上传的目标是阿里云视频点播，请切换到阿里云账号后再上传。</translation>
    </message>
    <message>
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Add Folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Adding %n item(s)…</source>
        <translation>
            <numerusform>正在添加 %n 项…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) queued.</source>
        <translation>
            <numerusform>已将 %n 个文件加入队列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) used as covers.</source>
        <translation>
            <numerusform>%n 张图片用作封面。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (not media or unreadable) — tick “Include all files” to upload them anyway.</source>
        <translation>
            <numerusform>跳过了 %n 个（不是媒体文件或无法读取）——勾选“包括所有文件”可以照样上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Uploads</source>
        <translation>取消上传</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n upload(s)? Partly uploaded videos are deleted from the cloud.</source>
        <translation>
            <numerusform>要取消 %n 个上传吗？已上传一部分的视频会从云端删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep Uploading</source>
        <translation>继续上传</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting or running</source>
        <translation>
            <numerusform>%n 个等待或进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n 个已暂停</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>上传中</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>取消中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Uploaded — waiting to transcode</source>
        <translation>已上传，等待转码</translation>
    </message>
    <message>
        <source>Uploaded — transcoding</source>
        <translation>已上传，转码中</translation>
    </message>
    <message>
        <source>Playable</source>
        <translation>可播放</translation>
    </message>
    <message>
        <source>Transcode failed</source>
        <translation>转码失败</translation>
    </message>
    <message>
        <source>Upload failed on the server</source>
        <translation>服务端上传失败</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>已屏蔽</translation>
    </message>
    <message>
        <source>Deleted on the server</source>
        <translation>已在云端删除</translation>
    </message>
    <message>
        <source>Unknown state</source>
        <translation>未知状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>云端状态</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Media ID</source>
        <translation>媒资 ID</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>RecordWiring</name>
    <message>
        <source>&amp;Export Upload Record…</source>
        <translation>导出上传记录(&amp;E)…</translation>
    </message>
    <message>
        <source>Every job: file, size, CRC-64, VideoId, times, bytes sent</source>
        <translation>每个任务：文件、大小、CRC-64、VideoId、时间、已发送字节</translation>
    </message>
    <message>
        <source>Export Record of Selected…</source>
        <translation>导出所选任务的记录…</translation>
    </message>
    <message>
        <source>Export Upload Record</source>
        <translation>导出上传记录</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting the upload record…</source>
        <translation>正在导出上传记录…</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 个任务写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The upload record could not be written: %1</source>
        <translation>无法写入上传记录：%1</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Upload Route</source>
        <translation>上传线路</translation>
    </message>
    <message>
        <source>Upload acceleration sends files through Alibaba Cloud&apos;s acceleration network.</source>
        <translation>上传加速通过阿里云的加速网络传输文件。</translation>
    </message>
    <message>
        <source>It can be much faster far from the bucket&apos;s region, and is billed per GB.</source>
        <translation>离存储地域较远时可能快很多，按 GB 计费。</translation>
    </message>
    <message>
        <source>The speed test sends a short sample both ways and remembers the faster route.</source>
        <translation>测速会用一小段样本分别走两条线路，并记住更快的那条。</translation>
    </message>
    <message>
        <source>Normal route</source>
        <translation>普通线路</translation>
    </message>
    <message>
        <source>Always accelerate</source>
        <translation>始终加速</translation>
    </message>
    <message>
        <source>The faster route on this network</source>
        <translation>当前网络下更快的线路</translation>
    </message>
    <message>
        <source>Account “%1” uploads by:</source>
        <translation>账号“%1”的上传方式：</translation>
    </message>
    <message>
        <source>On this network:</source>
        <translation>当前网络：</translation>
    </message>
    <message>
        <source>Test Upload Speed</source>
        <translation>测试上传速度</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>尚未测速。</translation>
    </message>
    <message>
        <source>Normal %1 MB/s, accelerated %2 MB/s: the %3 route is faster.</source>
        <translation>普通 %1 MB/s，加速 %2 MB/s：%3线路更快。</translation>
    </message>
    <message>
        <source>accelerated</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Testing both routes…</source>
        <translation>正在测试两条线路…</translation>
    </message>
</context>
<context>
    <name>ScheduleGrid</name>
    <message>
        <source>Weekly bandwidth schedule</source>
        <translation>每周带宽计划</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>The limit set in the queue’s Limit box</source>
        <translation>队列“限速”框中设置的限速</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> MB/s</translation>
    </message>
    <message>
        <source>Limit for the selected hours</source>
        <translation>所选时段的限速</translation>
    </message>
    <message>
        <source>Set Limit</source>
        <translation>设置限速</translation>
    </message>
    <message>
        <source>Selected hours:</source>
        <translation>所选时段：</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>Drag over hours to select them. Numbers are MB/s, ∞ is unlimited; empty hours use the queue’s Limit box (now %1). A running upload follows the schedule at once.</source>
        <translation>拖动鼠标选择时段。数字单位为 MB/s，∞ 表示不限速；空白时段使用队列“限速”框中的值（当前为 %1）。正在进行的上传会立即按计划调整。</translation>
    </message>
</context>
<context>
    <name>ScheduleNote</name>
    <message>
        <source>The weekly schedule (Preferences → Bandwidth) sets the limit for this hour; the Limit box holds for the hours the schedule leaves to it.</source>
        <translation>本时段的限速由每周带宽计划（偏好设置 → 带宽）决定；计划未设定的时段使用“限速”框的值。</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation>计划：%1</translation>
    </message>
    <message>
        <source>Schedule: %1 until %2</source>
        <translation>计划：%1，至 %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Move the selected upload up / down</source>
        <translation>上移 / 下移选中的上传</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down</source>
        <translation>Ctrl+↑ / Ctrl+↓</translation>
    </message>
    <message>
        <source>Play or pause the preview</source>
        <translation>播放或暂停预览</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>Next field (in a text box too)</source>
        <translation>跳到下一个输入项（在文本框中也一样）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Type a tab character in a text box</source>
        <translation>在文本框中输入制表符</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>Open the account list</source>
        <translation>打开账号列表</translation>
    </message>
    <message>
        <source>Space or F4 on the account box</source>
        <translation>在账号框上按空格键或 F4</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>SubmitPage</name>
    <message>
        <source>One URL per line, e.g. https://cdn.example.com/video/a.mp4
Directories end with /</source>
        <translation>每行一个地址，例如 https://cdn.example.com/video/a.mp4
目录以 / 结尾</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>导入列表…</translation>
    </message>
    <message>
        <source>Pick assets…</source>
        <translation>选择媒资…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Forget waiting items</source>
        <translation>放弃等待中的条目</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Refresh URLs</source>
        <translation>刷新 URL</translation>
    </message>
    <message>
        <source>Refresh directories</source>
        <translation>刷新目录</translation>
    </message>
    <message>
        <source>Prefetch URLs</source>
        <translation>预热 URL</translation>
    </message>
    <message>
        <source>One URL per line, or asset:&lt;asset id&gt; (use Pick assets…). Sent in batches of 10.</source>
        <translation>每行一个地址，或 asset:&lt;媒资 ID&gt;（可用“选择媒资…”）。每 10 个一批提交。</translation>
    </message>
    <message>
        <source>not an http(s) URL</source>
        <translation>不是 http(s) 地址</translation>
    </message>
    <message>
        <source>contains spaces (encode them as %20)</source>
        <translation>含有空格（请写成 %20）</translation>
    </message>
    <message>
        <source>a directory must end with /</source>
        <translation>目录必须以 / 结尾</translation>
    </message>
    <message>
        <source>asset ids are not supported here</source>
        <translation>这里不支持媒资 ID</translation>
    </message>
    <message>
        <source>not a valid asset id</source>
        <translation>不是有效的媒资 ID</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>Checking today&apos;s quota…</source>
        <translation>正在查询今天的配额…</translation>
    </message>
    <message>
        <source>Quota unknown: %1</source>
        <translation>无法获知配额：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting for tomorrow&apos;s quota</source>
        <translation>
            <numerusform>%n 个条目等待明天的配额</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) cannot be sent</source>
        <translation>
            <numerusform>%n 行无法提交</numerusform>
        </translation>
    </message>
    <message>
        <source>Today&apos;s quota: %1 of %2 left.</source>
        <translation>今天的配额：还剩 %1 / %2。</translation>
    </message>
    <message>
        <source>Counted here: %1 of %2 left today. Huawei Cloud has no quota API, so uses by other tools are not included.</source>
        <translation>本机统计：今天还剩 %1 / %2。华为云没有配额查询接口，其他工具的用量未计算在内。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will wait for tomorrow&apos;s quota.</source>
        <translation>
            <numerusform>%n 个条目将等待明天的配额。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>导入列表</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv *.lst);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv *.lst);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file is larger than 4 MB.</source>
        <translation>文件超过了 4 MB。</translation>
    </message>
    <message>
        <source>Nothing to submit: paste or import some URLs first.</source>
        <translation>没有可提交的内容：请先粘贴或导入一些地址。</translation>
    </message>
    <message numerus="yes">
        <source>Submitting %n item(s)…</source>
        <translation>
            <numerusform>正在提交 %n 个条目…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitted %n item(s).</source>
        <translation>
            <numerusform>已提交 %n 个条目。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for tomorrow&apos;s quota (sent automatically after the reset).</source>
        <translation>
            <numerusform>%n 个等待明天的配额（配额重置后自动提交）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) deferred earlier went out first.</source>
        <translation>
            <numerusform>之前推迟的 %n 个条目已优先提交。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed:</source>
        <translation>
            <numerusform>%n 个失败：</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>未提交：</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refreshes and prefetches by video</source>
        <translation>按视频刷新与预热</translation>
    </message>
    <message>
        <source>%1 in progress · %2 done · %3 failed · %4 waiting</source>
        <translation>%1 个进行中 · %2 个已完成 · %3 个失败 · %4 个等待中</translation>
    </message>
    <message>
        <source>Newest %1 of %2 tasks:</source>
        <translation>最新的 %1 个任务（共 %2 个）：</translation>
    </message>
    <message>
        <source>No CDN tasks in the last 3 days.</source>
        <translation>最近 3 天没有 CDN 任务。</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <source>Default transcoding</source>
        <translation>默认转码</translation>
    </message>
    <message>
        <source>Template group ID (default transcoding)</source>
        <translation>模板组 ID（默认转码）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Workflow: %1</source>
        <translation>工作流：%1</translation>
    </message>
    <message>
        <source>List unavailable</source>
        <translation>无法获取列表</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <source>Watch Folders</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>&amp;Add Folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>New files are queued with the preset once their size and time have not changed for the settle time: a recording in progress is never uploaded half-way.</source>
        <translation>新文件的大小和修改时间在稳定时间内不再变化后，才会按预设加入队列：正在录制的文件绝不会只传一半。</translation>
    </message>
    <message>
        <source>The checked folders are watched while VOD Studio is open.</source>
        <translation>VOD Studio 打开期间会监视勾选的文件夹。</translation>
    </message>
    <message>
        <source>Selected folder</source>
        <translation>所选文件夹</translation>
    </message>
    <message>
        <source>Include &amp;sub-folders</source>
        <translation>包含子文件夹(&amp;S)</translation>
    </message>
    <message>
        <source>File name patterns such as *.mp4, separated by semicolons</source>
        <translation>文件名模式，例如 *.mp4，以分号分隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>包含(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Exclude:</source>
        <translation>排除(&amp;E)：</translation>
    </message>
    <message>
        <source>Se&amp;ttle time:</source>
        <translation>稳定时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Checked: watched while VOD Studio is open</source>
        <translation>勾选：VOD Studio 打开期间监视</translation>
    </message>
    <message>
        <source>(No preset: the defaults)</source>
        <translation>（无预设：使用默认设置）</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（已不存在）</translation>
    </message>
    <message>
        <source>Watch Folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <source>Watching %1.</source>
        <translation>正在监视 %1。</translation>
    </message>
    <message>
        <source>No longer watching %1.</source>
        <translation>已停止监视 %1。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>WatchWiring</name>
    <message>
        <source>&amp;Watch Folders…</source>
        <translation>监视文件夹(&amp;W)…</translation>
    </message>
    <message numerus="yes">
        <source>Watching %n folder(s)</source>
        <translation>
            <numerusform>正在监视 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>Queued %1 from a watch folder.</source>
        <translation>已从监视文件夹将 %1 加入队列。</translation>
    </message>
    <message>
        <source>Could not queue %1 from a watch folder; trying again later.</source>
        <translation>无法从监视文件夹将 %1 加入队列，稍后重试。</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Add an Alibaba Cloud account</source>
        <translation>添加阿里云账号</translation>
    </message>
    <message>
        <source>Use an AccessKey pair; the secret is stored in the system keychain.</source>
        <translation>使用一对 AccessKey；密钥保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Try the local sandbox</source>
        <translation>试用本地沙箱</translation>
    </message>
    <message>
        <source>Starts a private imitation of the cloud on this computer, with a demo library.</source>
        <translation>在这台电脑上启动一个私有的模拟云服务，附带演示媒资库。</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation>欢迎使用 %1</translation>
    </message>
    <message>
        <source>Upload videos to ApsaraVideo VOD, manage your media library and keep the CDN fresh. Start with an account, or explore everything on a local sandbox first.</source>
        <translation>把视频上传到阿里云视频点播，管理媒资库，让 CDN 内容保持最新。可以先添加账号，也可以先在本地沙箱里体验全部功能。</translation>
    </message>
    <message>
        <source>Starting the sandbox and its demo library…</source>
        <translation>正在启动沙箱和演示媒资库…</translation>
    </message>
</context>
</TS>
