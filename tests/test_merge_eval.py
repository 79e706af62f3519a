"""Merging measured on small labelled sets: the same events told by several sources,
with other events of the same day as distractors. Every sentence was written for this
project. Sets 1 and 2 were used to choose the threshold and weights; set 3 was written
afterwards. The floors below make the test fail when merging gets clearly worse.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from tests.test_merge import _rows
from timeline.merge import merge_events

# (event label, document, text, mention, TIMEX3 value)
SET_1 = [
 ("call", "a", "On March 18, Trump and Putin held a two-hour phone call about a ceasefire.", "March 18", "2025-03-18"),
 ("call", "b", "Putin and Trump spoke by telephone for more than two hours on March 18.", "March 18", "2025-03-18"),
 ("call", "c", "The Kremlin said Putin told Trump in a call on March 18 that he backed a limited truce.", "March 18", "2025-03-18"),
 ("energy", "d", "On March 18, Russia agreed to stop strikes on Ukrainian energy facilities for 30 days.", "March 18", "2025-03-18"),
 ("kyivstrike", "e", "Russian drones struck Kyiv overnight on March 18, killing two people.", "March 18", "2025-03-18"),
 ("kyivstrike", "f", "Two people died when Russian drones hit the capital Kyiv on March 18, officials said.", "March 18", "2025-03-18"),
 ("riyadh", "a", "Rubio and Lavrov met in Riyadh on February 18 to restore diplomatic contacts.", "February 18", "2025-02-18"),
 ("riyadh", "b", "U.S. and Russian delegations led by Rubio and Lavrov held talks in Riyadh on February 18.", "February 18", "2025-02-18"),
 ("riyadh", "c", "In Riyadh on February 18, Lavrov and Rubio agreed to restore staff at their embassies.", "February 18", "2025-02-18"),
 ("zel_feb18", "d", "Zelensky said on February 18 that Ukraine would not accept any deal made without Kyiv.", "February 18", "2025-02-18"),
 ("oval", "e", "Trump and Zelensky clashed in the Oval Office on February 28.", "February 28", "2025-02-28"),
 ("oval", "f", "A heated exchange between Zelensky and Trump in the Oval Office on February 28 ended the visit.", "February 28", "2025-02-28"),
 ("minerals", "a", "Washington and Kyiv signed the minerals agreement on April 30.", "April 30", "2025-04-30"),
 ("minerals", "b", "The United States and Ukraine signed a deal on mineral resources on April 30.", "April 30", "2025-04-30"),
 ("alaska", "c", "Trump and Putin met at a military base in Alaska on August 15.", "August 15", "2025-08-15"),
 ("alaska", "d", "The Alaska summit between Putin and Trump took place on August 15 without a deal.", "August 15", "2025-08-15"),
 ("alaska", "e", "Putin flew to Alaska for his summit with Trump in August.", "August", "2025-08"),
 ("aug_other", "f", "In August, Russian forces advanced near Pokrovsk.", "August", "2025-08"),
]

SET_2 = [
 ("swap", "a", "Russia and Ukraine exchanged 1,000 prisoners each on May 23.", "May 23", "2025-05-23"),
 ("swap", "b", "On May 23, Kyiv and Moscow began the largest prisoner swap of the war, 1,000 for 1,000.", "May 23", "2025-05-23"),
 ("swap", "c", "Zelensky said 390 Ukrainians came home on May 23 in the first stage of the exchange.", "May 23", "2025-05-23"),
 ("may23_other", "d", "The European Union approved new tariffs on Russian fertiliser on May 23.", "May 23", "2025-05-23"),
 ("istanbul", "a", "Russian and Ukrainian delegations held direct talks in Istanbul on May 16.", "May 16", "2025-05-16"),
 ("istanbul", "b", "The first direct peace talks since 2022 took place in Istanbul on May 16.", "May 16", "2025-05-16"),
 ("istanbul", "c", "Medinsky led the Russian delegation at the talks in Istanbul on May 16.", "May 16", "2025-05-16"),
 ("may16_other", "d", "Trump said on May 16 that nothing would happen until he met Putin.", "May 16", "2025-05-16"),
 ("tariff", "e", "Trump doubled tariffs on Indian goods to 50 percent on August 6, citing Russian oil purchases.", "August 6", "2025-08-06"),
 ("tariff", "f", "On August 6, the White House imposed an extra 25 percent tariff on India over its purchases of Russian oil.", "August 6", "2025-08-06"),
 ("witkoff_aug6", "g", "Witkoff met Putin in Moscow on August 6 for three hours.", "August 6", "2025-08-06"),
 ("witkoff_aug6", "h", "Putin received Trump's envoy Steve Witkoff at the Kremlin on August 6.", "August 6", "2025-08-06"),
 ("sanctions", "e", "The Treasury imposed sanctions on Rosneft and Lukoil on October 22.", "October 22", "2025-10-22"),
 ("sanctions", "f", "On October 22, Washington blacklisted Russia's two biggest oil companies, Rosneft and Lukoil.", "October 22", "2025-10-22"),
 ("oct22_other", "g", "Zelensky met NATO Secretary General Mark Rutte in Brussels on October 22.", "October 22", "2025-10-22"),
 ("sanctions", "h", "In October, the United States sanctioned Rosneft and Lukoil for the first time.", "October", "2025-10"),
]

SET_3 = [
 ("call_feb12", "a", "Trump and Putin spoke by phone on February 12 and agreed to start negotiations.", "February 12", "2025-02-12"),
 ("call_feb12", "b", "On February 12, Putin and Trump held a lengthy phone call and agreed that their teams would begin talks.", "February 12", "2025-02-12"),
 ("zel_call_feb12", "c", "Trump also spoke with Zelensky on February 12 after his call with Putin.", "February 12", "2025-02-12"),
 ("hegseth_feb12", "d", "Hegseth said in Brussels on February 12 that a return to Ukraine's 2014 borders was unrealistic.", "February 12", "2025-02-12"),
 ("hegseth_feb12", "e", "Defense Secretary Pete Hegseth told NATO allies on February 12 that Ukraine's pre-2014 borders were not a realistic goal.", "February 12", "2025-02-12"),
 ("jeddah", "f", "Ukraine agreed in Jeddah on March 11 to a U.S. proposal for a 30-day ceasefire.", "March 11", "2025-03-11"),
 ("jeddah", "g", "At talks in Jeddah on March 11, Kyiv accepted an American plan for a month-long truce.", "March 11", "2025-03-11"),
 ("jeddah_aid", "h", "Washington resumed military aid and intelligence sharing with Ukraine on March 11.", "March 11", "2025-03-11"),
 ("trump_putin_mar11", "a", "Trump said on March 11 that he hoped Putin would agree to the ceasefire.", "March 11", "2025-03-11"),
 ("vatican", "b", "Trump and Zelensky met briefly in St. Peter's Basilica on April 26 before the Pope's funeral.", "April 26", "2025-04-26"),
 ("vatican", "c", "On April 26, Zelensky and Trump held a 15-minute meeting in the Vatican.", "April 26", "2025-04-26"),
 ("kursk_apr26", "d", "Russia's top general said on April 26 that the Kursk region had been fully retaken.", "April 26", "2025-04-26"),
]


def _pairs(data: list[tuple]) -> tuple[int, int, int]:
    rows, labels = [], []
    for label, doc, text, mention, value in data:
        rows += _rows(doc + ".txt", text, [(mention, value)])
        labels.append(label)
    out = merge_events(pd.DataFrame(rows))
    event_of = {}
    for eid, mentions in zip(out["event_id"], out["mentions"]):
        for m in mentions:
            event_of[(m["doc"], m["char_start"], m["sentence"])] = eid
    pred = [event_of[(r["doc"], r["char_start"], r["sentence"])] for r in rows]
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(rows)), 2):
        same, merged = labels[i] == labels[j], pred[i] == pred[j]
        tp += same and merged
        fp += merged and not same
        fn += same and not merged
    return tp, fp, fn


@pytest.mark.parametrize("data", [SET_1, SET_2, SET_3], ids=["set1", "set2", "set3"])
def test_each_set_merges_something_and_keeps_most_apart(data: list[tuple]) -> None:
    tp, fp, fn = _pairs(data)
    assert tp >= 1
    assert fp <= tp


def test_pairwise_precision_and_recall() -> None:
    tp = fp = fn = 0
    for data in (SET_1, SET_2, SET_3):
        a, b, c = _pairs(data)
        tp, fp, fn = tp + a, fp + b, fn + c
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"merge pairs: precision {precision:.2f}, recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
    assert precision >= 0.85
    assert recall >= 0.7
