"""Telling an alert: one JSON line (standard output, or appended to a file) and, when a
webhook is set, the same JSON POSTed to it. A webhook that fails is named on the log and the
alert stays told (it is in the line and on the alerts page): a watch never stops for it."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

import urllib3

from quotetrail.fetch.http import RETRY_STATUSES, Policy, failure, host_of
from quotetrail.records import Alert
from quotetrail.watch.config import Output

WEBHOOK_TIMEOUT = 10.0
log = logging.getLogger(__name__)


def payload(alert: Alert, base_url: str = "") -> dict[str, Any]:
    """The alert as told: its record, and links to its statements (and story) on the web app."""
    links = {"statements": [f"{base_url}/statements/{sid}" for sid in alert.statements]}
    if "story" in alert.detail:
        links["story"] = [f"{base_url}/stories/{alert.detail['story']}"]
    return {**alert.to_dict(), "links": links}


class Teller:
    """Tells each alert as `output` says."""

    def __init__(
        self, output: Output, policy: Policy | None = None, stream: TextIO | None = None
    ) -> None:
        self.output = output
        self.stream = stream
        self.agent = (policy or Policy()).user_agent
        self._pool = urllib3.PoolManager()
        self._retry = urllib3.Retry(
            total=2,
            backoff_factor=0.5,
            allowed_methods=None,  # POST too: a receiver that failed is asked again
            status_forcelist=RETRY_STATUSES,
            raise_on_status=False,
        )

    def __call__(self, alert: Alert) -> None:
        line = json.dumps(payload(alert, self.output.base_url), ensure_ascii=False)
        if self.output.file is not None:
            with self.output.file.open("a", encoding="utf-8") as file:
                file.write(line + "\n")
        else:
            stream = self.stream or sys.stdout
            stream.write(line + "\n")
            stream.flush()
        if self.output.webhook:
            self._post(self.output.webhook, line)

    def _post(self, url: str, line: str) -> None:
        try:
            response = self._pool.request(
                "POST",
                url,
                body=line.encode("utf-8"),
                headers={"Content-Type": "application/json", "User-Agent": self.agent},
                timeout=WEBHOOK_TIMEOUT,
                retries=self._retry,
                redirect=False,
            )
        except urllib3.exceptions.MaxRetryError as error:
            log.warning(
                "webhook %s: %s", url, failure(error.reason or error, host_of(url), WEBHOOK_TIMEOUT)
            )
        except urllib3.exceptions.HTTPError as error:
            log.warning("webhook %s: %s", url, failure(error, host_of(url), WEBHOOK_TIMEOUT))
        else:
            if response.status >= 300:
                log.warning("webhook %s: HTTP %s", url, response.status)
