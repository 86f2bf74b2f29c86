"""The result types and limits the faces (GUI, CLI) see, re-exported from the API clients.

The UI imports these from here, never from ``vodstudio.cloud``: the layering test keeps it that way,
so a client can change its internals without the widgets noticing.
"""

from vodstudio.cdn.media_refresh import MediaRefreshEstimate as MediaRefreshEstimate
from vodstudio.cdn.media_refresh import MediaRefreshOutcome as MediaRefreshOutcome
from vodstudio.cloud.aliyun.cdn_models import MediaRefreshOptions as MediaRefreshOptions
from vodstudio.cloud.aliyun.cdn_models import MediaRefreshSubmission as MediaRefreshSubmission
from vodstudio.cloud.aliyun.cdn_models import VodDomain as VodDomain
from vodstudio.cloud.aliyun.limits import DESCRIPTION_MAX as DESCRIPTION_MAX
from vodstudio.cloud.aliyun.limits import TAGS_MAX as TAGS_MAX
from vodstudio.cloud.aliyun.limits import TITLE_MAX as TITLE_MAX
from vodstudio.cloud.aliyun.models import BatchResult as BatchResult
from vodstudio.cloud.aliyun.models import DomainLog as DomainLog
from vodstudio.cloud.aliyun.models import Mezzanine as Mezzanine
from vodstudio.cloud.aliyun.models import PlayInfo as PlayInfo
from vodstudio.cloud.aliyun.models import PlayStream as PlayStream
from vodstudio.cloud.aliyun.models import UsagePoint as UsagePoint
from vodstudio.cloud.aliyun.models import UsageSeries as UsageSeries
from vodstudio.cloud.aliyun.models import Video as Video
from vodstudio.cloud.huawei.models import HuaweiAsset as HuaweiAsset
