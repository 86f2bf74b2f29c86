<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AccountsDialog</name>
        <message>
            <source>Accounts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No system keychain: the secret is kept for this session only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The secret is stored in the system keychain, never in a file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Test Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Project ID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cloud:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;gion:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Network (advanced)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default for the region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No proxy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom (HTTP or SOCKS5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Endpoint:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pro&amp;xy:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Proxy &amp;URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ACS3-HMAC-SHA256 (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HMAC-SHA1 (legacy)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request &amp;signature:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alibaba Cloud ApsaraVideo VOD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Huawei Cloud VOD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access &amp;Key (AK):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AccessKey &amp;ID:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Secret Key (SK):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AccessKey &amp;Secret:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · local sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unchanged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the account a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the AccessKey ID.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This cloud needs the project ID of the region.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The proxy URL must start with http://, https:// or socks5://.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the secret.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove “%1” and its stored secret? Queued uploads of this account stay in the queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the secret first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AdvancedBox</name>
        <message>
            <source>The account's default storage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account's default application</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Higher numbers upload first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcoding &amp;template group:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storage &amp;location:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>App&amp;Id:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>P&amp;riority:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefetch on CDN when playable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Once each video plays, its play URLs are prefetched on the CDN (daily prefetch quota).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accelerate this upload (billed per GB)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Normal route for this upload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload route: as set for the account</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Ask</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AssetPickerDialog</name>
        <message>
            <source>Pick Huawei Cloud assets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by title or id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asset ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n asset(s).</source>
            <translation>
                <numerusform>%n asset.</numerusform>
                <numerusform>%n assets.</numerusform>
            </translation>
        </message>
        <message>
            <source>No assets.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AssetTableModel</name>
        <message>
            <source>Cover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sorted by the server across the whole library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sorted within the rows loaded so far</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ByteSizeLabel</name>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n byte</numerusform>
                <numerusform>%n bytes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CdnPanel</name>
        <message>
            <source>CDN domain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CDN domain, e.g. vod.example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh &amp;&amp; prefetch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Usage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Domain:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No account yet: add one to manage its CDN.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This cloud takes playback URLs or asset ids for refresh and prefetch; it has no usage charts or logs here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>being configured</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>configuration failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>review failed</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n waiting item(s) submitted after the quota reset.</source>
            <translation>
                <numerusform>%n waiting item submitted after the quota reset.</numerusform>
                <numerusform>%n waiting items submitted after the quota reset.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CdnTaskModel</name>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL / item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Task ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CdnTasks</name>
        <message>
            <source>Refresh URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh directory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefetch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for quota</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChartsPage</name>
        <message>
            <source>Last hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bandwidth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Range:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total traffic:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Peak bandwidth:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the CDN domain above first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>one point every %1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No usage in this range.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChartsUnavailablePage</name>
        <message>
            <source>Usage charts need Qt Charts, which could not be loaded: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DateRangePicker</name>
        <message>
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DetailsPane</name>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Info</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Definition</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play URLs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download source…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snapshots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select one asset to see its details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Modified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cover URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No snapshots.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No streams yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only videos in the Normal state can be previewed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download source file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download cancelled.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Uploaded Before</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n file(s) in this drop are already in this account (same content).</source>
            <translation>
                <numerusform>%n file in this drop is already in this account (same content).</numerusform>
                <numerusform>%n files in this drop are already in this account (same content).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n other file(s) are new and will be uploaded in any case.</source>
            <translation>
                <numerusform>%n other file is new and will be uploaded in any case.</numerusform>
                <numerusform>%n other files are new and will be uploaded in any case.</numerusform>
            </translation>
        </message>
        <message>
            <source>“Replace” uploads them and deletes each old video once its new copy is uploaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip Them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload Again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace Old Videos</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EditDialog</name>
        <message numerus="yes">
            <source>Edit %n asset(s)</source>
            <translation>
                <numerusform>Edit %n asset</numerusform>
                <numerusform>Edit %n assets</numerusform>
            </translation>
        </message>
        <message>
            <source>comma separated, at most 16</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(unchanged)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick the fields to set in every selected asset.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The title cannot be empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The title is longer than 128 bytes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The description is longer than 1,024 bytes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At most 16 tags.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EmptyQueueView</name>
        <message>
            <source>Drop videos, audio or images here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folders are searched for media files. Uploads resume after a restart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Folder…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ErrorText</name>
        <message>
            <source>The temporary upload credential expired.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The AccessKey ID does not exist. Check the account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The AccessKey ID was not accepted. Check the account settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This AccessKey is disabled in the cloud console.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request signature was rejected: the AccessKey secret is probably wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The request signature was rejected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service computed a different request signature. Check the AccessKey secret; if it is right, switch the account's request signature (Accounts → Request signature).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service does not accept this request signature. Set the account's request signature to ACS3-HMAC-SHA256 (Accounts → Request signature).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bucket refuses OSS V1 signatures (new accounts and buckets); uploads must be signed with OSS V4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The computer's clock is too far off. Correct the system time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This AccessKey lacks the permission for this action (RAM policy).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Huawei Cloud rejected the AK/SK signature: check the AK, SK and project ID.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Huawei Cloud does not know this API or endpoint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today's CDN refresh quota is used up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today's CDN prefetch quota is used up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service is throttling requests; it will be retried.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many requests from this account; it will be retried.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The video no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The video has no playable stream yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The video is not in a state that allows this action.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The unfinished upload is gone from the server; it starts again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The item does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service had an internal error; it will be retried.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The service is unavailable right now; it will be retried.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This CDN domain does not belong to the account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This storage location does not exist in the account: check Advanced → Storage location.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This transcoding template group does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is gone: it was moved or deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file cannot be read (permissions?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a regular file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file changed during the upload; upload it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VOD does not take this kind of file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is too large for this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file cannot be written here (permissions or disk space?).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The uploaded data did not match the file (checksum mismatch).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Network problem: the server could not be reached.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server stopped answering in time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server stopped answering.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The storage server redirected the upload elsewhere; it was refused.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The API server redirected the request elsewhere; it was refused.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk holding the profile is full. Free some space; the upload resumes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The profile folder is read-only: nothing can be saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The queue database is damaged; restart VOD Studio to set it aside.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The profile's database could not be read or written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another VOD Studio process is uploading from this profile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account's secret is not in the keychain any more: enter it again in Accounts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This cloud cannot do that: switch to an account that can.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no account yet: add one in Accounts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keychain refused to store or read the secret.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server answered in an unexpected format.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This cloud cannot do this kind of CDN task.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Some lines cannot be sent; fix or remove them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This video has no downloadable source file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The upload credential kept expiring before the file was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no preset with this name any more.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A preset with this name exists already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A preset name needs 1 to 64 characters on one line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a valid VOD Studio presets file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This folder does not exist (any more).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The settle time must be at least one second.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A watch folder needs a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploaded, waiting to transcode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcoding failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Playable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>RequestId %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Search titles… (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Videos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attached media</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags, comma separated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Intake</name>
        <message numerus="yes">
            <source>%n uploaded before — skipped.</source>
            <translation>
                <numerusform>%n uploaded before — skipped.</numerusform>
                <numerusform>%n uploaded before — skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n named twice — queued once.</source>
            <translation>
                <numerusform>%n named twice — queued once.</numerusform>
                <numerusform>%n named twice — queued once.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryActions</name>
        <message>
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete streams…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete source files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace cover…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete snapshots…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete images by URL…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh on CDN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefetch on CDN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Saved %n asset(s). The search index may take a moment to show it.</source>
            <translation>
                <numerusform>Saved %n asset. The search index may take a moment to show it.</numerusform>
                <numerusform>Saved %n assets. The search index may take a moment to show it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n asset(s)? Source, streams and snapshots are removed for good.</source>
            <translation>
                <numerusform>Delete %n asset? Source, streams and snapshots are removed for good.</numerusform>
                <numerusform>Delete %n assets? Source, streams and snapshots are removed for good.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n Asset(s)</source>
            <translation>
                <numerusform>Delete %n Asset</numerusform>
                <numerusform>Delete %n Assets</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted %n asset(s).</source>
            <translation>
                <numerusform>Deleted %n asset.</numerusform>
                <numerusform>Deleted %n assets.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n stream(s).</source>
            <translation>
                <numerusform>Deleted %n stream.</numerusform>
                <numerusform>Deleted %n streams.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete streams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick the transcoded streams to delete. Players using them stop working.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n source file(s) kept: they are the only playable stream. Tick Force to delete anyway.</source>
            <translation>
                <numerusform>%n source file kept: it is the only playable stream. Tick Force to delete anyway.</numerusform>
                <numerusform>%n source files kept: they are the only playable stream. Tick Force to delete anyway.</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleted the source file(s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete snapshots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which kinds of snapshot should go?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted the snapshots.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete images by URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One image URL per line:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted %n image(s).</source>
            <translation>
                <numerusform>Deleted %n image.</numerusform>
                <numerusform>Deleted %n images.</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose a cover image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cover replaced.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sent %n video(s) to the CDN; the CDN section's Tasks show each result.</source>
            <translation>
                <numerusform>Sent %n video to the CDN; the CDN section's Tasks show each result.</numerusform>
                <numerusform>Sent %n videos to the CDN; the CDN section's Tasks show each result.</numerusform>
            </translation>
        </message>
        <message>
            <source>None of the selected videos has a play URL yet.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Sent %n URL(s) to the CDN.</source>
            <translation>
                <numerusform>Sent %n URL to the CDN.</numerusform>
                <numerusform>Sent %n URLs to the CDN.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting for tomorrow's quota.</source>
            <translation>
                <numerusform>%n waiting for tomorrow's quota.</numerusform>
                <numerusform>%n waiting for tomorrow's quota.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryEdit</name>
        <message>
            <source>Delete source files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The original uploaded files are deleted; transcoded streams stay playable. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Force</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needed when a video has no transcoded streams (no-transcode or async-transcode mode): its source file IS the playback stream, so forcing the deletion makes the video unplayable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryPanel</name>
        <message>
            <source>No account yet: add an Alibaba Cloud account or try the sandbox.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library is available for Alibaba Cloud VOD accounts. Huawei Cloud accounts use the CDN section.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing matches this search.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Showing %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sorted within the loaded rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Press F5 to try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading more…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogsPage</name>
        <message>
            <source>List logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download selected…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the CDN domain above first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n log file(s).</source>
            <translation>
                <numerusform>%n log file.</numerusform>
                <numerusform>%n log files.</numerusform>
            </translation>
        </message>
        <message>
            <source>No logs in this range.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the logs to download first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download logs to</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n file(s) saved to %1</source>
            <translation>
                <numerusform>%n file saved to %1</numerusform>
                <numerusform>%n files saved to %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Download cancelled.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Uploads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CDN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;Files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add F&amp;older…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manage &amp;Presets…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Accounts…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Uploads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Main</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2
Upload to, manage and serve from cloud VOD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n uploading</source>
            <translation>
                <numerusform>%n uploading</numerusform>
                <numerusform>%n uploading</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
        <message>
            <source>Quit %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n upload(s) are running. Quit now? They stop where they are and continue the next time you open %1.</source>
            <translation>
                <numerusform>%n upload is running. Quit now? They stop where they are and continue the next time you open %1.</numerusform>
                <numerusform>%n uploads are running. Quit now? They stop where they are and continue the next time you open %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep Uploading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Idle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (local sandbox)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The logs are in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sandbox</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MediaFilters</name>
        <message>
            <source>All media</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Videos</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subtitles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All files (*)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MediaRefreshDialog</name>
        <message>
            <source>Prefetch on CDN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh on CDN</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Every play URL of %n video(s) in the chosen formats (none ticked: all formats).</source>
            <translation>
                <numerusform>Every play URL of %n video in the chosen formats (none ticked: all formats).</numerusform>
                <numerusform>Every play URL of %n videos in the chosen formats (none ticked: all formats).</numerusform>
            </translation>
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TS slices per M3U8 stream</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>M3U8: also the first &amp;TS slices:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting the URLs and checking today's quota…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This uses %1 of today's %2 left.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n video(s) have nothing to send yet (not playable).</source>
            <translation>
                <numerusform>%n video has nothing to send yet (not playable).</numerusform>
                <numerusform>%n videos have nothing to send yet (not playable).</numerusform>
            </translation>
        </message>
        <message>
            <source>Not enough quota today: send fewer videos.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sending…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MediaTasksTable</name>
        <message>
            <source>Video ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URLs done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URLs failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MetadataSheet</name>
        <message numerus="yes">
            <source>Upload %n Item(s)</source>
            <translation>
                <numerusform>Upload %n Item</numerusform>
                <numerusform>Upload %n Items</numerusform>
            </translation>
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advanced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Include all files in folders, not only media</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use these values as defaults next time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as Preset…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pre&amp;set:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From each file name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A title, or a pattern for each file: {stem} the file name, {date} today (YYYY-MM-DD), {folder} the file's folder. Other {words} stay as typed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comma-separated, up to 16</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optional local image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cover preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the image beside each video with the same name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>clip.mp4 gets clip.jpg, clip.jpeg or clip.png as its cover.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as Preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preset name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A preset named “%1” exists. Replace it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;ags:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Category:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;over:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder “%1” to account “%2”.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n file</numerusform>
                <numerusform>%n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n folder(s)</source>
            <translation>
                <numerusform>%n folder</numerusform>
                <numerusform>%n folders</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 to account “%2”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” to account “%2”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Categories unavailable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cover Image</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlaysWiring</name>
        <message>
            <source>Upload &amp;Route and Speed Test…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 uploaded, %2 failed.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n upload(s) finished; waiting until they play.</source>
            <translation>
                <numerusform>%n upload finished; waiting until it plays.</numerusform>
                <numerusform>%n uploads finished; waiting until they play.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n video(s) playable.</source>
            <translation>
                <numerusform>%n video playable.</numerusform>
                <numerusform>%n videos playable.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more</source>
            <translation>
                <numerusform>%n more</numerusform>
                <numerusform>%n more</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 playable; not playable: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an account first.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bandwidth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language is used from the next start of VOD Studio.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PresetsDialog</name>
        <message>
            <source>Upload Presets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No presets yet. In the upload sheet, choose “Save as Preset…”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>each file's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename Preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renamed to “%1”.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete %n preset(s)?</source>
            <translation>
                <numerusform>Delete %n preset?</numerusform>
                <numerusform>Delete %n presets?</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Presets</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted %n preset(s).</source>
            <translation>
                <numerusform>Deleted %n preset.</numerusform>
                <numerusform>Deleted %n presets.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import Presets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Presets (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n preset(s).</source>
            <translation>
                <numerusform>Imported %n preset.</numerusform>
                <numerusform>Imported %n presets.</numerusform>
            </translation>
        </message>
        <message>
            <source>“%1” exists: imported as “%2”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Presets</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %n preset(s) to %1.</source>
            <translation>
                <numerusform>Exported %n preset to %1.</numerusform>
                <numerusform>Exported %n presets to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewPlayer</name>
        <message>
            <source>Preview is unavailable: Qt Multimedia could not be loaded (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a stream and press Preview.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play / pause (Space)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Position</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Playback failed: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the selected uploads before all others</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take the selected finished uploads off the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take every done and cancelled upload off the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files uploaded at the same time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At most this many connections: the app finds the number that fills your link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MB/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlimited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bandwidth limit for all uploads (0 = unlimited)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connections:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an account first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploads go to Alibaba Cloud VOD. Switch to an Alibaba Cloud account to upload.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Folder</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Adding %n item(s)…</source>
            <translation>
                <numerusform>Adding %n item…</numerusform>
                <numerusform>Adding %n items…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) queued.</source>
            <translation>
                <numerusform>%n file queued.</numerusform>
                <numerusform>%n files queued.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) used as covers.</source>
            <translation>
                <numerusform>%n image used as a cover.</numerusform>
                <numerusform>%n images used as covers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n skipped (not media or unreadable) — tick “Include all files” to upload them anyway.</source>
            <translation>
                <numerusform>%n skipped (not media or unreadable) — tick “Include all files” to upload them anyway.</numerusform>
                <numerusform>%n skipped (not media or unreadable) — tick “Include all files” to upload them anyway.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel Uploads</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Cancel %n upload(s)? Partly uploaded videos are deleted from the cloud.</source>
            <translation>
                <numerusform>Cancel %n upload? Partly uploaded videos are deleted from the cloud.</numerusform>
                <numerusform>Cancel %n uploads? Partly uploaded videos are deleted from the cloud.</numerusform>
            </translation>
        </message>
        <message>
            <source>Keep Uploading</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting or running</source>
            <translation>
                <numerusform>%n waiting or running</numerusform>
                <numerusform>%n waiting or running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n done</source>
            <translation>
                <numerusform>%n done</numerusform>
                <numerusform>%n done</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n paused</source>
            <translation>
                <numerusform>%n paused</numerusform>
                <numerusform>%n paused</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueueTableModel</name>
        <message>
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preparing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verifying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploaded — waiting to transcode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uploaded — transcoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Playable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transcode failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload failed on the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted on the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remaining</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Media ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecordWiring</name>
        <message>
            <source>&amp;Export Upload Record…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every job: file, size, CRC-64, VideoId, times, bytes sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Record of Selected…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Upload Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting the upload record…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n job(s) written to %1</source>
            <translation>
                <numerusform>%n job written to %1</numerusform>
                <numerusform>%n jobs written to %1</numerusform>
            </translation>
        </message>
        <message>
            <source>The upload record could not be written: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RouteDialog</name>
        <message>
            <source>Upload Route</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload acceleration sends files through Alibaba Cloud's acceleration network.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It can be much faster far from the bucket's region, and is billed per GB.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The speed test sends a short sample both ways and remembers the faster route.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Normal route</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Always accelerate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The faster route on this network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account “%1” uploads by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On this network:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test Upload Speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not tested yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Normal %1 MB/s, accelerated %2 MB/s: the %3 route is faster.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>accelerated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>normal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing both routes…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScheduleGrid</name>
        <message>
            <source>Weekly bandwidth schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlimited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The limit set in the queue’s Limit box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> MB/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit for the selected hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set Limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected hours:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unlimited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drag over hours to select them. Numbers are MB/s, ∞ is unlimited; empty hours use the queue’s Limit box (now %1). A running upload follows the schedule at once.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScheduleNote</name>
        <message>
            <source>The weekly schedule (Preferences → Bandwidth) sets the limit for this hour; the Limit box holds for the hours the schedule leaves to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unlimited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule: %1 until %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected upload up / down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Up / Ctrl+Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play or pause the preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Space</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next field (in a text box too)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a tab character in a text box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the account list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Space or F4 on the account box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shortcut</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SubmitPage</name>
        <message>
            <source>One URL per line, e.g. https://cdn.example.com/video/a.mp4
Directories end with /</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import list…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick assets…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Submit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget waiting items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh URLs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh directories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefetch URLs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One URL per line, or asset:&lt;asset id&gt; (use Pick assets…). Sent in batches of 10.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not an http(s) URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>contains spaces (encode them as %20)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a directory must end with /</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>asset ids are not supported here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid asset id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>too long</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1”: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking today's quota…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quota unknown: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n item(s) waiting for tomorrow's quota</source>
            <translation>
                <numerusform>%n item waiting for tomorrow's quota</numerusform>
                <numerusform>%n items waiting for tomorrow's quota</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) cannot be sent</source>
            <translation>
                <numerusform>%n line cannot be sent</numerusform>
                <numerusform>%n lines cannot be sent</numerusform>
            </translation>
        </message>
        <message>
            <source>Today's quota: %1 of %2 left.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counted here: %1 of %2 left today. Huawei Cloud has no quota API, so uses by other tools are not included.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n item(s) will wait for tomorrow's quota.</source>
            <translation>
                <numerusform>%n item will wait for tomorrow's quota.</numerusform>
                <numerusform>%n items will wait for tomorrow's quota.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import a list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text files (*.txt *.csv *.lst);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is larger than 4 MB.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to submit: paste or import some URLs first.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Submitting %n item(s)…</source>
            <translation>
                <numerusform>Submitting %n item…</numerusform>
                <numerusform>Submitting %n items…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Submitted %n item(s).</source>
            <translation>
                <numerusform>Submitted %n item.</numerusform>
                <numerusform>Submitted %n items.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting for tomorrow's quota (sent automatically after the reset).</source>
            <translation>
                <numerusform>%n waiting for tomorrow's quota (sent automatically after the reset).</numerusform>
                <numerusform>%n waiting for tomorrow's quota (sent automatically after the reset).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) deferred earlier went out first.</source>
            <translation>
                <numerusform>%n item deferred earlier went out first.</numerusform>
                <numerusform>%n items deferred earlier went out first.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed:</source>
            <translation>
                <numerusform>%n failed:</numerusform>
                <numerusform>%n failed:</numerusform>
            </translation>
        </message>
        <message>
            <source>Not sent:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TasksPage</name>
        <message>
            <source>All types</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refreshes and prefetches by video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 in progress · %2 done · %3 failed · %4 waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Newest %1 of %2 tasks:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No CDN tasks in the last 3 days.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateChooser</name>
        <message>
            <source>Default transcoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Template group ID (default transcoding)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Workflow: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List unavailable</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WatchDialog</name>
        <message>
            <source>Watch Folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add Folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New files are queued with the preset once their size and time have not changed for the settle time: a recording in progress is never uploaded half-way.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The checked folders are watched while VOD Studio is open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Include &amp;sub-folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File name patterns such as *.mp4, separated by semicolons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Preset:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Include:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Exclude:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Se&amp;ttle time:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checked: watched while VOD Studio is open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(No preset: the defaults)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (missing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watch Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watching %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No longer watching %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WatchWiring</name>
        <message>
            <source>&amp;Watch Folders…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Watching %n folder(s)</source>
            <translation>
                <numerusform>Watching %n folder</numerusform>
                <numerusform>Watching %n folders</numerusform>
            </translation>
        </message>
        <message>
            <source>Queued %1 from a watch folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not queue %1 from a watch folder; trying again later.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Add an Alibaba Cloud account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use an AccessKey pair; the secret is stored in the system keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try the local sandbox</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starts a private imitation of the cloud on this computer, with a demo library.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Upload videos to ApsaraVideo VOD, manage your media library and keep the CDN fresh. Start with an account, or explore everything on a local sandbox first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting the sandbox and its demo library…</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
