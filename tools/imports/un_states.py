"""The states kept from the UN voting data, with their code in each source: the current and former
members of the CST/CSTO and of NATO, and Ukraine, China and India for comparison.

``KEEP`` is the explicit filter of the roll-call import (``tools/imports/unvotes.py``, which maps
the package's ISO 3166-1 alpha-2 codes to ISO3 with it) and of the agreement-score import
(``tools/imports/bsv.py``, which cross-checks each state's Correlates of War code).
"""

from __future__ import annotations

# The kept states: ISO3 -> (ISO2 code in unvotes, country name in unvotes,
# Correlates of War code in the BSV file).  CSTO/CST current and former,
# NATO, and UKR, CHN, IND for comparison.
KEEP = {
    # CSTO / CST (current and former members)
    "ARM": ("AM", "Armenia", 371),
    "AZE": ("AZ", "Azerbaijan", 373),
    "BLR": ("BY", "Belarus", 370),
    "GEO": ("GE", "Georgia", 372),
    "KAZ": ("KZ", "Kazakhstan", 705),
    "KGZ": ("KG", "Kyrgyzstan", 703),
    "RUS": ("RU", "Russia", 365),
    "TJK": ("TJ", "Tajikistan", 702),
    "UZB": ("UZ", "Uzbekistan", 704),
    # NATO
    "ALB": ("AL", "Albania", 339),
    "BEL": ("BE", "Belgium", 211),
    "BGR": ("BG", "Bulgaria", 355),
    "CAN": ("CA", "Canada", 20),
    "HRV": ("HR", "Croatia", 344),
    "CZE": ("CZ", "Czechia", 316),
    "DNK": ("DK", "Denmark", 390),
    "EST": ("EE", "Estonia", 366),
    "FIN": ("FI", "Finland", 375),
    "FRA": ("FR", "France", 220),
    "DEU": ("DE", "Germany", 255),
    "GRC": ("GR", "Greece", 350),
    "HUN": ("HU", "Hungary", 310),
    "ISL": ("IS", "Iceland", 395),
    "ITA": ("IT", "Italy", 325),
    "LVA": ("LV", "Latvia", 367),
    "LTU": ("LT", "Lithuania", 368),
    "LUX": ("LU", "Luxembourg", 212),
    "MNE": ("ME", "Montenegro", 341),
    "NLD": ("NL", "Netherlands", 210),
    "MKD": ("MK", "North Macedonia", 343),
    "NOR": ("NO", "Norway", 385),
    "POL": ("PL", "Poland", 290),
    "PRT": ("PT", "Portugal", 235),
    "ROU": ("RO", "Romania", 360),
    "SVK": ("SK", "Slovakia", 317),
    "SVN": ("SI", "Slovenia", 349),
    "ESP": ("ES", "Spain", 230),
    "SWE": ("SE", "Sweden", 380),
    "TUR": ("TR", "Turkey", 640),
    "GBR": ("GB", "United Kingdom", 200),
    "USA": ("US", "United States", 2),
    # comparison states
    "UKR": ("UA", "Ukraine", 369),
    "CHN": ("CN", "China", 710),
    "IND": ("IN", "India", 750),
}


ISO2_TO_ISO3 = {v[0]: k for k, v in KEEP.items()}


__all__ = ["ISO2_TO_ISO3", "KEEP"]
