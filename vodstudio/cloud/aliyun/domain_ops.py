"""The account's accelerated domains: DescribeVodUserDomains (paged) and DescribeVodDomainDetail."""

from __future__ import annotations

from vodstudio.cloud.aliyun import limits as lim
from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.cloud.aliyun.cdn_models import (
    DOMAIN_SEARCH_TYPES,
    DOMAIN_STATUSES,
    VodDomain,
    VodDomainDetail,
    VodDomainPage,
)

DOMAIN_PAGE_MAX = 50
_PAGES_MAX = 200  # 10,000 domains: far past any account, a guard against a paging loop


class DomainOps(RpcCaller):
    # Domains belong to the account, not to a region: asked of the CDN endpoint like the other CDN calls.
    def describe_vod_user_domains(
        self,
        *,
        domain_name: str | None = None,
        search_type: str | None = None,
        domain_status: str | None = None,
        page_number: int = 1,
        page_size: int = DOMAIN_PAGE_MAX,
    ) -> VodDomainPage:
        """One page; ``domain_name`` filters by ``search_type`` (fuzzy_match by default)."""
        lim.check_choice("DomainSearchType", search_type, DOMAIN_SEARCH_TYPES)
        lim.check_choice("DomainStatus", domain_status, DOMAIN_STATUSES)
        if not 1 <= page_size <= DOMAIN_PAGE_MAX or page_number < 1:
            raise lim.local_error("InvalidParameter", "PageSize must be 1..50 and PageNumber ≥ 1.")
        params = {
            "DomainName": domain_name or None,
            "DomainSearchType": search_type,
            "DomainStatus": domain_status,
            "PageNumber": page_number,
            "PageSize": page_size,
        }
        body = self.call("DescribeVodUserDomains", params, cdn=True)
        domains = [VodDomain.from_json(d) for d in p.items(body, "Domains", "PageData")]
        return VodDomainPage(
            total=p.integer(body, "TotalCount", len(domains)),
            domains=domains,
            page_number=p.integer(body, "PageNumber", page_number),
            page_size=p.integer(body, "PageSize", page_size),
        )

    def list_vod_user_domains(self, *, domain_status: str | None = None) -> list[VodDomain]:
        """Every domain of the account (all pages), in the service's order."""
        found: list[VodDomain] = []
        for number in range(1, _PAGES_MAX + 1):
            page = self.describe_vod_user_domains(domain_status=domain_status, page_number=number)
            found += page.domains
            if not page.domains or len(found) >= page.total:
                break
        return found

    def describe_vod_domain_detail(self, domain_name: str) -> VodDomainDetail:
        """A domain that is not the account's raises ``NotFoundError`` (InvalidDomain.NotFound)."""
        if not domain_name or "," in domain_name:
            raise lim.local_error("InvalidDomainName", "Exactly one domain name is required.")
        body = self.call("DescribeVodDomainDetail", {"DomainName": domain_name}, cdn=True)
        return VodDomainDetail.from_json(p.obj(body, "DomainDetail", required=True))
