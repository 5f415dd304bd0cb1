"""Writes the seed criteria of /work/main/rules (one JSON file per criterion).

Thresholds come from value distributions of train.csv (2020) computed with the
stdlib csv module (see rules/README.md); the Fraud labels were used only to report
hit rates afterwards (tools/criteria/seed-report.ts), never to pick conditions.
Run: python3 libs/selectivity/scripts/write-seed-criteria.py  (from /work/main)
"""
import json, os, shutil

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'rules')

def L(fact, op, value): return {'fact': fact, 'operator': op, 'value': value}
def hs(*p): return L('hsCode', 'hsStartsWithAny', list(p))
def kw(*k): return L('goodsDescription', 'containsAnyKeyword', list(k))

HUBS = ['HK', 'SG', 'TW', 'NL', 'BE', 'AE']
FTA = ['FCN1', 'FEU1', 'FUS1', 'FAS1', 'FVN1', 'FIN1', 'FAU1', 'FEF1']
C = []

def crit(id, lane, area, reason, poi, keywords, conditions, office=None):
    C.append({'id': id, 'version': 1, 'scope': 'LOCAL' if office else 'CENTRAL', 'officeId': office,
              'lane': lane, 'riskArea': area, 'reason': reason, 'pointsOfInterest': poi, 'keywords': keywords,
              'validFrom': '2020-01-01', 'validTo': '2099-12-31', 'status': 'ACTIVE', 'conditions': conditions})

# --- weapons, security -----------------------------------------------------------
crit('CEN-WPN-001', 'RED', 'SMUGGLING_WEAPONS', 'Arms and ammunition (HS chapter 93) need an import licence; every entry is inspected.',
     'Check the import permit of the National Police Agency, serial numbers, quantities against the licence.',
     ['weapons', 'firearms', 'ammunition', 'chapter 93'], {'all': [hs('93')]})
crit('CEN-WPN-002', 'RED', 'SMUGGLING_WEAPONS', 'Weapon parts or blades declared outside chapter 93 whose description names pistols, revolvers, swords or bayonets.',
     'Compare goods with the description; look for firearm parts shipped as tools or sporting goods.',
     ['pistols', 'revolvers', 'swords', 'bayonets'],
     {'all': [kw('pistols', 'revolvers', 'swords', 'bayonets', 'cartridges', 'ammunition'), {'not': hs('8522', '9612')}]})
crit('CEN-SEC-001', 'RED', 'NATIONAL_SECURITY', 'Explosives, pyrotechnics and military vehicles (HS 36, 8710) are strategic or dangerous goods.',
     'Verify strategic-goods export licence of the origin country and the end-user certificate.',
     ['explosives', 'pyrotechnics', 'tanks', 'armoured vehicles'], {'all': [hs('36', '8710')]})
crit('CEN-SEC-002', 'YELLOW', 'NATIONAL_SECURITY', 'Radar, radio-navigation and military-grade optics (HS 8526, 9005, 9013) may be dual-use goods.',
     'Check the dual-use classification and end user; compare model numbers with the strategic goods list.',
     ['radar', 'dual-use', 'lasers', 'night vision'], {'all': [hs('8526', '9005', '9013')]})
crit('CEN-SEC-003', 'RED', 'NATIONAL_SECURITY', 'Radioactive elements and isotopes (HS 2844, 2845) require a Nuclear Safety Commission permit.',
     'Radiation survey of the consignment; check the NSSC permit.',
     ['radioactive', 'isotopes', 'nuclear'], {'all': [hs('2844', '2845')]})
# --- drugs, public health ------------------------------------------------------------
crit('CEN-DRG-001', 'RED', 'SMUGGLING_DRUGS', 'Plant extracts and pharmaceutical plants (HS 1211, 1302) are a known cover for narcotic raw material.',
     'Sample for laboratory analysis (opiates, cannabinoids, ephedra); check the plant species declared.',
     ['narcotics', 'plant extracts', 'opium', 'ephedra'], {'all': [hs('1211', '1302')]})
crit('CEN-DRG-002', 'YELLOW', 'SMUGGLING_DRUGS', 'Organic chemicals that include drug precursors (ketones, acids, heterocyclics, alkaloids: HS 2914-2916, 2932, 2933, 2939) by air or post.',
     'Check the precursor-chemical import notification and quantities against the declared use.',
     ['precursors', 'alkaloids', 'heterocyclic', 'chemicals'],
     {'all': [hs('2914', '2915', '2916', '2932', '2933', '2939'), L('transportMode', 'in', ['40', '50'])]})
crit('CEN-DRG-003', 'RED', 'SMUGGLING_DRUGS', 'Alkaloid medicaments and hormones by courier or post are a route for narcotics and anabolic steroids.',
     'Open the parcel; test the tablets; check the prescription and the MFDS import permit.',
     ['alkaloids', 'hormones', 'steroids', 'courier'],
     {'all': [kw('alkaloids', 'hormones', 'vaccines'), {'any': [L('courierId', 'notEqual', None), L('transportMode', 'equal', '50')]}]})
crit('CEN-HLT-001', 'YELLOW', 'PUBLIC_HEALTH', 'Medicaments (HS 3003, 3004) imported by courier or post evade the MFDS import control.',
     'Check the MFDS product licence; counterfeit packaging; quantities above personal use.',
     ['medicaments', 'pharmaceuticals', 'courier', 'counterfeit drugs'],
     {'all': [hs('3003', '3004'), {'any': [L('courierId', 'notEqual', None), L('transportMode', 'equal', '50')]}]})
crit('CEN-HLT-002', 'YELLOW', 'PUBLIC_HEALTH', 'Meat and offal (HS chapter 2) need quarantine certificates; origins outside the approved list are banned.',
     'Check the veterinary quarantine certificate and the establishment number.',
     ['meat', 'quarantine', 'offal', 'african swine fever'], {'all': [hs('02'), L('originCountry', 'notIn', ['US', 'AU', 'NZ', 'CA'])]})
crit('CEN-HLT-003', 'YELLOW', 'PUBLIC_HEALTH', 'Spirits (HS 2208) by air or courier: methanol-tainted and counterfeit liquor.',
     'Check the labels, the MFDS food import report and the alcohol content.',
     ['spirits', 'liquor', 'alcohol', 'counterfeit'], {'all': [hs('2208'), L('transportMode', 'in', ['40', '50'])]})
crit('CEN-HLT-004', 'YELLOW', 'PUBLIC_HEALTH', 'Pesticides (HS 3808) must be registered; unregistered actives are smuggled as other chemicals.',
     'Check the pesticide registration and the active ingredient.',
     ['pesticides', 'insecticides', 'herbicides'], {'all': [hs('3808')]})
crit('CEN-HLT-005', 'YELLOW', 'PUBLIC_HEALTH', 'Tobacco and electronic cigarette devices (HS 24, 854370 under "other machines") by courier.',
     'Check for nicotine liquids, counterfeit cigarettes, quantities above duty-free.',
     ['tobacco', 'cigarettes', 'e-cigarettes', 'nicotine'],
     {'any': [hs('24'), {'all': [hs('854370'), L('courierId', 'notEqual', None)]}]})
# --- environment -----------------------------------------------------------------------
crit('CEN-ENV-001', 'YELLOW', 'ENVIRONMENT', 'Ozone-depleting halogenated hydrocarbons (HS 2903) are controlled under the Montreal Protocol.',
     'Check the ODS import permit and the gas identity (refrigerant cylinders).',
     ['ozone', 'refrigerants', 'halogenated', 'montreal protocol'], {'all': [hs('2903')]})
crit('CEN-ENV-002', 'YELLOW', 'ENVIRONMENT', 'Live animals, live fish and rough tropical timber (CITES species).',
     'Identify the species; check the CITES permit and the quarantine certificate.',
     ['cites', 'live animals', 'timber', 'endangered species'], {'any': [hs('0106', '0301', '4403')]})
crit('CEN-ENV-003', 'YELLOW', 'ENVIRONMENT', 'Plastic and paper waste and scrap (HS 3915, 4707) from sources without a Basel Convention notification.',
     'Check the Basel notification and the waste composition; mixed waste declared as clean scrap.',
     ['waste', 'scrap', 'basel convention', 'plastic waste'],
     {'all': [hs('3915', '4707'), L('originCountry', 'notIn', ['JP', 'US'])]})
# --- origin fraud -------------------------------------------------------------------------
crit('CEN-ORG-001', 'YELLOW', 'ORIGIN_FRAUD', 'Preferential FTA duty claimed while the goods departed from a third country (transhipment risk).',
     'Check the certificate of origin, the direct-transport rule and the through bill of lading.',
     ['fta', 'origin', 'transhipment', 'direct transport'],
     {'all': [L('taxType', 'in', FTA), L('departureCountry', 'in', HUBS), {'not': L('originCountry', 'in', HUBS)}]})
crit('CEN-ORG-002', 'YELLOW', 'ORIGIN_FRAUD', 'Korea-China FTA rate (FCN1) claimed for goods of another origin, or shipped from Hong Kong.',
     'Check the CO issuing authority and the origin criterion; compare with the supplier invoice.',
     ['fcn1', 'korea-china fta', 'origin', 'hong kong'],
     {'all': [L('taxType', 'equal', 'FCN1'), {'any': [L('originCountry', 'notEqual', 'CN'), L('departureCountry', 'notEqual', 'CN')]}]})
crit('CEN-ORG-003', 'YELLOW', 'ORIGIN_FRAUD', 'Chinese goods (steel, garlic, sesame) declared as Vietnamese or Southeast Asian origin to avoid high duty.',
     'Check packaging marks and the ASEAN CO; compare with the manufacturer address.',
     ['origin', 'vietnam', 'disguised origin', 'agricultural'],
     {'all': [hs('0703', '0710', '0712', '1207', '0904', '0910', '72'), L('originCountry', 'in', ['VN', 'TH', 'MY', 'ID', 'KH', 'MM']), L('departureCountry', 'in', ['CN', 'HK', 'VN'])]})
# --- high duty / tax evasion -----------------------------------------------------------
crit('CEN-TAX-001', 'YELLOW', 'TAX_EVASION', 'Agricultural goods with duty of 27% or more from China or Vietnam below 95 KRW/kg (10th percentile of such goods in 2020): quantity, value and classification fraud.',
     'Weigh the consignment; verify the classification (fresh vs frozen vs dried) and the declared quantity.',
     ['high duty', 'agricultural', 'china', 'frozen vegetables'],
     {'all': [L('taxRate', 'greaterThanInclusive', 27), L('originCountry', 'in', ['CN', 'VN']), L('unitPriceKrwPerKg', 'lessThan', 95)]})
crit('CEN-TAX-002', 'YELLOW', 'TAX_EVASION', 'Gold, jewellery and watches: high-value goods with sizeable duty and currency-smuggling risk.',
     'Check hallmarks and assay; compare declared value with the gold price per gram.',
     ['gold', 'jewellery', 'watches', 'precious metals'],
     {'all': [hs('7108', '7113', '9101'), L('taxType', 'in', ['A', 'C', 'CIT'])]})
crit('CEN-TAX-003', 'YELLOW', 'TAX_EVASION', 'Passenger cars (HS 8703) with FTA zero duty claimed and a declared value under 9 KRW/kg (25th percentile of 2020 car unit prices).',
     'Check the VIN, the year of manufacture and the basis for the duty rate.',
     ['cars', 'vehicles', 'duty exemption', 'vin'],
     {'all': [hs('8703'), L('taxType', 'in', FTA), L('unitPriceKrwPerKg', 'lessThan', 9)]})
# --- undervaluation (unit price far below the heading's usual KRW/kg, 2020 quantiles) -----------
crit('CEN-UVL-001', 'YELLOW', 'UNDERVALUATION', 'Telephones and smartphones (HS 8517) below the 10th percentile of 2020 unit prices (145 KRW/kg).',
     'Compare model and invoice with market prices; check for second invoices and payment records.',
     ['phones', 'smartphones', 'undervaluation', 'unit price'],
     {'all': [hs('8517'), L('unitPriceKrwPerKg', 'lessThanInclusive', 145)]})
crit('CEN-UVL-002', 'YELLOW', 'UNDERVALUATION', 'Computers (HS 8471) below the 10th percentile of 2020 unit prices (138 KRW/kg).',
     'Compare configuration with the invoice; check for related-party pricing.',
     ['computers', 'laptops', 'undervaluation', 'unit price'],
     {'all': [hs('8471'), L('unitPriceKrwPerKg', 'lessThanInclusive', 138)]})
crit('CEN-UVL-003', 'YELLOW', 'UNDERVALUATION', 'Wrist watches (HS 9101, 9102) below the 10th percentile of 2020 unit prices (63 KRW/kg): brand goods declared cheap.',
     'Check brand, counterfeits (IPR) and the real transaction value.',
     ['watches', 'brand goods', 'undervaluation', 'counterfeit'],
     {'all': [hs('9101', '9102'), L('unitPriceKrwPerKg', 'lessThanInclusive', 63)]})
crit('CEN-UVL-004', 'YELLOW', 'UNDERVALUATION', 'Knitted garments (HS 6110) below the 25th percentile of 2020 unit prices (4 KRW/kg) by air.',
     'Check brand labels and the invoice; samples declared as commercial goods.',
     ['garments', 'sweaters', 'undervaluation', 'air cargo'],
     {'all': [hs('6110'), L('unitPriceKrwPerKg', 'lessThanInclusive', 4), L('transportMode', 'equal', '40')]})
crit('CEN-UVL-005', 'YELLOW', 'UNDERVALUATION', 'Lamps and lighting (HS 9405) from China at the 2020 floor unit price (<= 10.5 KRW/kg, the 25th percentile) in consignments above the median mass (90 kg).',
     'Check the invoice against catalogue prices; related-party seller.',
     ['lamps', 'lighting', 'undervaluation', 'china'],
     {'all': [hs('9405'), L('unitPriceKrwPerKg', 'lessThanInclusive', 10.5), L('originCountry', 'equal', 'CN'), L('netMassKg', 'greaterThan', 90)]})
crit('CEN-UVL-006', 'YELLOW', 'UNDERVALUATION', 'Motor-vehicle parts (HS 8708) at the 2020 floor unit price (<= 7 KRW/kg) in large consignments.',
     'Compare part numbers with price lists; check royalties and assists added to value.',
     ['auto parts', 'vehicle parts', 'undervaluation', 'royalties'],
     {'all': [hs('8708'), L('unitPriceKrwPerKg', 'lessThanInclusive', 7), L('netMassKg', 'greaterThanInclusive', 1000)]})
crit('CEN-UVL-007', 'YELLOW', 'UNFAIR_TRADE', 'Handbags and toys (HS 4202, 9503) at near-zero unit prices: counterfeit brand goods (IPR).',
     'Check trademarks against the KCS IPR register; hold suspected counterfeits.',
     ['handbags', 'toys', 'counterfeit', 'ipr'],
     {'all': [hs('4202', '9503'), L('unitPriceKrwPerKg', 'lessThanInclusive', 1), L('courierId', 'notEqual', None)]})
crit('CEN-UVL-008', 'YELLOW', 'UNDERVALUATION', 'Cosmetics (HS 3304) under 30 KRW/kg (about the 5th percentile of 2020 unit prices, 25.x).',
     'Compare brand and volume with the invoice; check the MFDS cosmetics report.',
     ['cosmetics', 'make-up', 'undervaluation', 'unit price'],
     {'all': [hs('3304'), L('unitPriceKrwPerKg', 'lessThan', 30)]})
# --- foreign exchange ------------------------------------------------------------------------
crit('CEN-FX-001', 'YELLOW', 'ILLEGAL_FOREIGN_EXCHANGE', 'Printed securities and unused stamps (HS 4907) can carry value across the border outside foreign-exchange reporting.',
     'Check the nature of the documents and the foreign-exchange report.',
     ['securities', 'banknotes', 'foreign exchange', 'stamps'], {'all': [hs('4907', '7118')]})

# --- local: office 40 (air cargo, courier hub) ---------------------------------------------
crit('LOC-40-001', 'YELLOW', 'UNDERVALUATION', 'Office 40: courier shipments of electronics (HS 85) under 12 KRW/kg (10th percentile of such shipments in 2020) with a value above their median (4,485 KRW).',
     'Open a sample of parcels; compare with the e-commerce order value.',
     ['courier', 'electronics', 'e-commerce', 'undervaluation'],
     {'all': [L('courierId', 'notEqual', None), hs('85'), L('unitPriceKrwPerKg', 'lessThan', 12), L('itemPriceKrw', 'greaterThan', 4485)]}, office='40')
crit('LOC-40-002', 'YELLOW', 'SMUGGLING_OTHER', 'Office 40: cosmetics (HS 3304) by air from third-country hubs (HK, SG): parallel imports and fakes.',
     'Check the brand owner authorisation and the MFDS cosmetics report.',
     ['cosmetics', 'parallel imports', 'air', 'hong kong'],
     {'all': [hs('3304'), L('departureCountry', 'in', ['HK', 'SG', 'TW']), L('transportMode', 'equal', '40')]}, office='40')
crit('LOC-40-003', 'YELLOW', 'TAX_EVASION', 'Office 40: sample/return import types (87, 94) above 3.6 million KRW (90th percentile of 2020 item prices).',
     'Check whether the goods are really samples or returns; look for commercial invoices.',
     ['samples', 'returns', 'import type', 'high value'],
     {'all': [L('importType', 'in', ['87', '94']), L('itemPriceKrw', 'greaterThan', 3600000)]}, office='40')
# --- local: office 20 (sea port) --------------------------------------------------------
crit('LOC-20-001', 'YELLOW', 'ORIGIN_FRAUD', 'Office 20: sea consignments claiming Korea-China FTA (FCN1) on steel and aluminium (HS 72, 73, 76).',
     'Check the CO and the mill certificate; anti-dumping duty on Chinese steel.',
     ['steel', 'fcn1', 'anti-dumping', 'sea'],
     {'all': [hs('72', '73', '76'), L('taxType', 'equal', 'FCN1'), L('transportMode', 'equal', '10')]}, office='20')
crit('LOC-20-002', 'YELLOW', 'SMUGGLING_OTHER', 'Office 20: high-duty agricultural goods (taxRate >= 27) arriving by sea in large lots.',
     'Weigh containers; check for goods concealed behind the declared produce.',
     ['agricultural', 'container', 'high duty', 'concealment'],
     {'all': [L('taxRate', 'greaterThanInclusive', 27), L('transportMode', 'equal', '10'), L('netMassKg', 'greaterThanInclusive', 20000)]}, office='20')
# --- local: office 30 --------------------------------------------------------------------
crit('LOC-30-001', 'YELLOW', 'UNDERVALUATION', 'Office 30: footwear (HS 64) from China below 110 KRW/kg.',
     'Compare with catalogue prices; check the brand.',
     ['footwear', 'shoes', 'undervaluation', 'china'],
     {'all': [hs('64'), L('originCountry', 'equal', 'CN'), L('unitPriceKrwPerKg', 'lessThan', 110)]}, office='30')
crit('LOC-30-002', 'YELLOW', 'TAX_EVASION', 'Office 30: seafood (HS 03) with preferential FTA rate from non-FTA departure ports.',
     'Check the catch certificate and the CO; species identification.',
     ['seafood', 'fish', 'fta', 'catch certificate'],
     {'all': [hs('03'), L('taxType', 'in', FTA), L('departureCountry', 'notIn', ['CN', 'VN', 'US', 'NO', 'CL', 'PE', 'AU', 'NZ', 'CA'])]}, office='30')
# --- local: office 16 --------------------------------------------------------------------
crit('LOC-16-001', 'YELLOW', 'SMUGGLING_OTHER', 'Office 16: courier consignments of bags, clothing, shoes, toys and electronics (HS 42, 61, 62, 64, 95, 85) above 175,000 KRW (75th percentile of the office courier values in 2020): commercial goods split as personal parcels.',
     'Check consignee patterns (same address, several names) and the order records.',
     ['courier', 'split shipments', 'clothing', 'bags'],
     {'all': [L('courierId', 'notEqual', None), hs('42', '61', '62', '64', '95', '85'), L('itemPriceKrw', 'greaterThan', 175000)]}, office='16')

if os.path.isdir(ROOT):
    for sub in ('central', 'local'):
        shutil.rmtree(os.path.join(ROOT, sub), ignore_errors=True)
for c in C:
    d = os.path.join(ROOT, 'central') if c['scope'] == 'CENTRAL' else os.path.join(ROOT, 'local', c['officeId'])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, c['id'] + '.json'), 'w') as f:
        json.dump(c, f, indent=2, ensure_ascii=False)
        f.write('\n')
print(len(C), 'criteria written')
