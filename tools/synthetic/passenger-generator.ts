import { type ApisPassenger, passengerRecordIdOf, type PnrRecord } from '@customs/domain';
import { addDays, SeededRandom } from './random';

/**
 * SYNTHETIC air-passenger data (APIS lists and PNR booking records) for development and tests.
 * No public passenger data exist, and none should: every name, document number and booking
 * here is invented. A drug-courier profile from the Korea Customs Service's published detection
 * cases is planted at a fixed share so tests and criteria can find it; the share is a test
 * setting, not an estimate of real prevalence.
 */

/**
 * The patterns planted among the passengers:
 * - drug-courier: booked 1-4 days before the first departure, aged 20-35 (or 50-65), coming
 *   from a source region (TH, VN, PH, MX, CA, NL) through a transit airport, travelling alone,
 *   staying 1-4 days, paying cash, with 0-1 checked bag;
 * - companion-link: a passenger on the same flight whose booking (a second PNR) also names a
 *   courier by the same travel document number: two bookings sharing one document.
 */
export type PassengerPattern = 'drug-courier' | 'companion-link';

/** Share of each flight's passengers that are planted couriers (`round(perFlight x share)` a flight). */
export const DRUG_COURIER_SHARE = 0.02;
/** Share of the couriers that get a companion link (`round(couriers x share)` a flight). */
export const COMPANION_LINK_SHARE = 0.5;
/** Arrival airport of every generated flight, and its customs office (Incheon Airport Customs, `"40"`). */
export const ARRIVAL = { airport: 'ICN', country: 'KR', officeId: '40' } as const;

/** Options of {@link generatePassengers}. */
export interface PassengerGeneratorOptions {
  /** Number of arriving flights (1..100). */
  flights: number;
  /** Passengers on each flight in the APIS list (1..600). */
  passengersPerFlight: number;
  /** Date of the flights, `YYYY-MM-DD`. */
  date: string;
}

/** The generated lists and where the patterns are. */
export interface GeneratedPassengers {
  apis: ApisPassenger[];
  pnrs: PnrRecord[];
  /** Every planted APIS record with its pattern; the records not listed are ordinary. */
  planted: Array<{ passengerRecordId: string; pattern: PassengerPattern }>;
}

/** The planted counts on one flight of `perFlight` passengers. */
export function plantedPerFlight(perFlight: number): Record<PassengerPattern, number> {
  const couriers = Math.round(perFlight * DRUG_COURIER_SHARE);
  const companions = Math.min(Math.round(couriers * COMPANION_LINK_SHARE), perFlight - couriers);
  return { 'drug-courier': couriers, 'companion-link': companions };
}

interface Airport { code: string; country: string; carrier: string }

const AIRPORTS: Readonly<Record<string, Airport>> = {
  BKK: { code: 'BKK', country: 'TH', carrier: 'TG' }, CNX: { code: 'CNX', country: 'TH', carrier: 'FD' },
  SGN: { code: 'SGN', country: 'VN', carrier: 'VN' }, HAN: { code: 'HAN', country: 'VN', carrier: 'VJ' },
  MNL: { code: 'MNL', country: 'PH', carrier: 'PR' }, CEB: { code: 'CEB', country: 'PH', carrier: '5J' },
  MEX: { code: 'MEX', country: 'MX', carrier: 'AM' }, CUN: { code: 'CUN', country: 'MX', carrier: 'Y4' },
  YVR: { code: 'YVR', country: 'CA', carrier: 'AC' }, YYZ: { code: 'YYZ', country: 'CA', carrier: 'AC' },
  AMS: { code: 'AMS', country: 'NL', carrier: 'KL' },
  LAX: { code: 'LAX', country: 'US', carrier: 'KE' }, NRT: { code: 'NRT', country: 'JP', carrier: 'NH' },
  HKG: { code: 'HKG', country: 'HK', carrier: 'CX' }, SIN: { code: 'SIN', country: 'SG', carrier: 'SQ' },
  TPE: { code: 'TPE', country: 'TW', carrier: 'CI' }, FRA: { code: 'FRA', country: 'DE', carrier: 'LH' },
  PVG: { code: 'PVG', country: 'CN', carrier: 'MU' },
};

/** Inbound flights to ICN the generator draws from (invented schedules on real routes). */
const INBOUND_FLIGHTS: ReadonlyArray<{ flightNumber: string; from: string }> = [
  { flightNumber: 'TG0658', from: 'BKK' }, { flightNumber: 'VN0408', from: 'SGN' }, { flightNumber: 'PR0468', from: 'MNL' },
  { flightNumber: 'NH0861', from: 'NRT' }, { flightNumber: 'CX0416', from: 'HKG' }, { flightNumber: 'KE0018', from: 'LAX' },
  { flightNumber: 'SQ0608', from: 'SIN' }, { flightNumber: 'CI0160', from: 'TPE' }, { flightNumber: 'LH0712', from: 'FRA' },
  { flightNumber: 'KL0855', from: 'AMS' }, { flightNumber: 'AM0090', from: 'MEX' }, { flightNumber: 'AC0063', from: 'YVR' },
  { flightNumber: 'MU5041', from: 'PVG' },
];

/** Source regions of the courier profile and their airports. */
const SOURCE_AIRPORTS: Readonly<Record<string, readonly string[]>> = {
  TH: ['BKK', 'CNX'], VN: ['SGN', 'HAN'], PH: ['MNL', 'CEB'], MX: ['MEX', 'CUN'], CA: ['YVR', 'YYZ'], NL: ['AMS'],
};

/** Invented-but-plausible names by nationality: surnames, male and female given names. */
const NAMES: Readonly<Record<string, { surnames: readonly string[]; male: readonly string[]; female: readonly string[] }>> = {
  KR: { surnames: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO', 'YOON', 'JANG', 'LIM'], male: ['JIHOON', 'HYUNWOO', 'DONGHYUN', 'JUNHO', 'SUNGMIN'], female: ['MINJI', 'SEOYEON', 'YUNA', 'EUNJI', 'HAEUN'] },
  TH: { surnames: ['SRISUK', 'BOONMA', 'CHAIYAPORN', 'WONGSAKUL', 'RATTANA'], male: ['NATTAPONG', 'SOMCHAI', 'KITTI', 'THANAWAT'], female: ['NATTAYA', 'SIRIPORN', 'PIMCHANOK', 'KANYA'] },
  VN: { surnames: ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'HOANG'], male: ['VAN AN', 'DUC MINH', 'QUANG HUY', 'THANH TUNG'], female: ['THI HOA', 'NGOC ANH', 'THU TRANG', 'MAI LINH'] },
  PH: { surnames: ['SANTOS', 'REYES', 'CRUZ', 'BAUTISTA', 'GARCIA'], male: ['JOSE', 'MARK ANTHONY', 'JOHN PAUL', 'RAMON'], female: ['MARIA', 'KRISTINE', 'JOY', 'ANGELICA'] },
  MX: { surnames: ['HERNANDEZ', 'GARCIA', 'MARTINEZ', 'LOPEZ', 'GONZALEZ'], male: ['JUAN CARLOS', 'LUIS', 'MIGUEL ANGEL', 'JORGE'], female: ['ANA', 'GUADALUPE', 'SOFIA', 'FERNANDA'] },
  CA: { surnames: ['TREMBLAY', 'WILSON', 'MACDONALD', 'GAGNON', 'CAMPBELL'], male: ['RYAN', 'ETHAN', 'MATHIEU', 'DYLAN'], female: ['EMMA', 'CHLOE', 'OLIVIA', 'JULIE'] },
  NL: { surnames: ['DE VRIES', 'JANSEN', 'BAKKER', 'VISSER', 'SMIT'], male: ['DAAN', 'SEM', 'LUUK', 'THIJS'], female: ['SANNE', 'LOTTE', 'FLEUR', 'ANOUK'] },
  US: { surnames: ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'DAVIS'], male: ['MICHAEL', 'JAMES', 'DAVID', 'CHRISTOPHER'], female: ['JENNIFER', 'ASHLEY', 'JESSICA', 'SARAH'] },
  JP: { surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA', 'WATANABE'], male: ['HIROSHI', 'TAKUYA', 'KENTA', 'DAIKI'], female: ['YUKI', 'HARUKA', 'AYAKA', 'MISAKI'] },
  HK: { surnames: ['CHAN', 'WONG', 'LEUNG', 'CHEUNG', 'LAU'], male: ['KA HO', 'CHI WAI', 'WING KIT'], female: ['MEI LING', 'WING YAN', 'HOI YAN'] },
  SG: { surnames: ['TAN', 'LIM', 'NG', 'ONG'], male: ['WEI JIE', 'JUN HAO', 'RAJESH'], female: ['HUI MIN', 'XIN YI', 'PRIYA'] },
  TW: { surnames: ['CHEN', 'LIN', 'HUANG', 'CHANG'], male: ['CHIH HAO', 'CHIA WEI', 'YU TING'], female: ['SHU FEN', 'YA TING', 'HSIN YI'] },
  DE: { surnames: ['MUELLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER', 'WEBER'], male: ['LUKAS', 'JONAS', 'FELIX', 'TOBIAS'], female: ['ANNA', 'LENA', 'JULIA', 'LAURA'] },
  CN: { surnames: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN'], male: ['WEI', 'HAO', 'JUN', 'YONG'], female: ['FANG', 'JING', 'YAN', 'XIU YING'] },
};

/** Nationalities where marriage does not change the surname (for the spouse in a family booking). */
const KEEPS_SURNAME: ReadonlySet<string> = new Set(['KR', 'CN', 'HK', 'TW', 'VN']);

const LOCATOR_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SEAT_LETTERS = 'ABCDEFGHJK';

interface Traveller {
  apis: Omit<ApisPassenger, 'seat'>;
  pattern: PassengerPattern | null;
}

/** The draws of one generation, in a fixed order. */
class PassengerDraws {
  private readonly usedDocuments = new Set<string>();
  private readonly usedLocators = new Set<string>();

  constructor(readonly r: SeededRandom, readonly date: string) {}

  locator(): string {
    for (;;) {
      const s = this.r.chars(6, LOCATOR_ALPHABET);
      if (!this.usedLocators.has(s)) {
        this.usedLocators.add(s);
        return s;
      }
    }
  }

  documentNumber(country: string): string {
    for (;;) {
      const s = country === 'KR' ? `M${this.r.digits(8)}` : `${this.r.chars(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}${this.r.digits(7)}`;
      if (!this.usedDocuments.has(s)) {
        this.usedDocuments.add(s);
        return s;
      }
    }
  }

  /** A person of `nationality` aged `age` on the flight date. */
  person(flight: { flightNumber: string; from: string }, nationality: string, age: number, surname?: string): Traveller['apis'] {
    const r = this.r;
    const names = NAMES[nationality] ?? NAMES.US;
    const sex = r.chance(0.5) ? 'M' : 'F';
    // Born between `age + 1` years (exclusive) and `age` years before the flight: aged exactly `age`.
    const birthday = new Date(Date.UTC(Number(this.date.slice(0, 4)) - age, Number(this.date.slice(5, 7)) - 1, Number(this.date.slice(8, 10))));
    const dateOfBirth = addDays(birthday.toISOString().slice(0, 10), -r.int(0, 364));
    const number = this.documentNumber(nationality);
    const travelDocument = { type: 'P' as const, number, issuingCountry: nationality, expiry: addDays(this.date, r.int(60, 3650)) };
    return {
      passengerRecordId: passengerRecordIdOf(flight.flightNumber, this.date, travelDocument),
      flightNumber: flight.flightNumber,
      flightDate: this.date,
      arrivalAirport: ARRIVAL.airport,
      departureAirport: flight.from,
      surname: surname ?? r.pick(names.surnames),
      givenNames: r.pick(sex === 'M' ? names.male : names.female),
      nationality,
      dateOfBirth,
      sex,
      travelDocument,
      arrivalOfficeId: ARRIVAL.officeId,
    };
  }

  segment(flightNumber: string, from: string, to: string, departureDate: string): PnrRecord['itinerary'][number] {
    const country = (code: string) => (code === ARRIVAL.airport ? ARRIVAL.country : AIRPORTS[code].country);
    return { flightNumber, from, fromCountry: country(from), to, toCountry: country(to), departureDate };
  }

  flightNumberOf(airport: string): string {
    return `${AIRPORTS[airport].carrier}${String(this.r.int(100, 999)).padStart(4, '0')}`;
  }

  pnrPassenger(t: Traveller['apis']): PnrRecord['passengers'][number] {
    return { surname: t.surname, givenNames: t.givenNames, travelDocumentNumber: t.travelDocument.number };
  }
}

/** The flight number `k` above `flightNumber` in its airline's series (`"TG0658"`, 2 -> `"TG0660"`). */
function flightNumberPlus(flightNumber: string, k: number): string {
  return `${flightNumber.slice(0, 2)}${String((Number(flightNumber.slice(2)) + k) % 10000).padStart(4, '0')}`;
}

/** The return flight of an inbound flight: by convention the next number (`"TG0658"` -> `"TG0659"`). */
function returnFlightOf(flightNumber: string): string {
  return flightNumberPlus(flightNumber, 1);
}

/**
 * Synthetic APIS lists and PNRs of `options.flights` flights arriving at ICN on `options.date`,
 * `options.passengersPerFlight` passengers each; deterministic for `seed`. Planted per flight:
 * {@link plantedPerFlight}. Ordinary passengers travel as families (two adults and children,
 * one surname), couples, tour groups (invoiced) and single travellers; they book 14-120 days
 * ahead and pay by card (tour groups by invoice, a few with miles). Foreign visitors stay 3-20
 * days; Korean residents coming home carry an outbound and an inbound segment and no length
 * of stay (`null`). Every APIS passenger has a PNR naming their document number.
 *
 * @throws RangeError when `flights` is not in 1..100, `passengersPerFlight` not in 1..600,
 *   or `date` not `YYYY-MM-DD`.
 */
export function generatePassengers(seed: number, options: PassengerGeneratorOptions): GeneratedPassengers {
  const { flights, passengersPerFlight: perFlight, date } = options;
  if (!Number.isInteger(flights) || flights < 1 || flights > 100) throw new RangeError(`flights must be an integer in 1..100, got ${flights}`);
  if (!Number.isInteger(perFlight) || perFlight < 1 || perFlight > 600) throw new RangeError(`passengersPerFlight must be an integer in 1..600, got ${perFlight}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date + 'T00:00:00Z'))) throw new RangeError(`date must be YYYY-MM-DD, got ${date}`);
  const r = new SeededRandom(seed);
  const d = new PassengerDraws(r, date);
  const schedule = r.shuffle([...INBOUND_FLIGHTS]);
  const apis: ApisPassenger[] = [];
  const pnrs: PnrRecord[] = [];
  const planted: GeneratedPassengers['planted'] = [];

  for (let f = 0; f < flights; f++) {
    const base = schedule[f % schedule.length];
    // Beyond the schedule's length, the same routes again as later rotations of the flight.
    const flight = { flightNumber: f < schedule.length ? base.flightNumber : flightNumberPlus(base.flightNumber, 2 * Math.floor(f / schedule.length)), from: base.from };
    const origin = AIRPORTS[flight.from];
    const bookingGroups: Traveller[][] = [];
    const counts = plantedPerFlight(perFlight);

    for (let c = 0; c < counts['drug-courier']; c++) {
      const sourceCountry = r.pick(Object.keys(SOURCE_AIRPORTS).filter((k) => k !== origin.country));
      const nationality = r.weighted({ [sourceCountry]: 5, KR: 3, [origin.country]: 2 } as Record<string, number>);
      const age = r.chance(0.75) ? r.int(20, 35) : r.int(50, 65);
      const courier: Traveller = { apis: d.person(flight, nationality, age), pattern: 'drug-courier' };
      const source = r.pick(SOURCE_AIRPORTS[sourceCountry]);
      const transitDate = addDays(date, -r.int(0, 1));
      const stay = r.int(1, 4);
      pnrs.push({
        bookingReference: d.locator(),
        bookingDate: addDays(transitDate, -r.int(1, 4)),
        formOfPayment: 'CASH',
        passengers: [d.pnrPassenger(courier.apis)],
        itinerary: [
          d.segment(d.flightNumberOf(source), source, flight.from, transitDate),
          d.segment(flight.flightNumber, flight.from, ARRIVAL.airport, date),
          d.segment(returnFlightOf(flight.flightNumber), ARRIVAL.airport, flight.from, addDays(date, stay)),
        ],
        lengthOfStayDays: stay,
        bags: r.int(0, 1),
      });
      bookingGroups.push([courier]);
      if (c < counts['companion-link']) {
        // A second booking names the courier's document again, with a companion on the same flight.
        const companion: Traveller = { apis: d.person(flight, r.chance(0.5) ? nationality : 'KR', r.int(20, 45)), pattern: 'companion-link' };
        pnrs.push({
          bookingReference: d.locator(),
          bookingDate: addDays(date, -r.int(2, 8)),
          formOfPayment: r.chance(0.6) ? 'CASH' : 'CARD',
          passengers: [d.pnrPassenger(courier.apis), d.pnrPassenger(companion.apis)],
          itinerary: [d.segment(flight.flightNumber, flight.from, ARRIVAL.airport, date)],
          lengthOfStayDays: null,
          bags: r.int(1, 2),
        });
        bookingGroups.push([companion]);
      }
    }

    let seats = counts['drug-courier'] + counts['companion-link'];
    while (seats < perFlight) {
      const kind = r.weighted({ family: 3, couple: 3, solo: 3, tour: 1 });
      const wanted = kind === 'family' ? r.int(3, 5) : kind === 'couple' ? 2 : kind === 'solo' ? 1 : r.int(6, 12);
      const size = Math.min(wanted, perFlight - seats);
      const nationality = r.chance(0.45) ? 'KR' : r.chance(0.8) ? origin.country : r.pick(Object.keys(NAMES));
      const surname = r.pick((NAMES[nationality] ?? NAMES.US).surnames);
      const group: Traveller[] = [];
      for (let i = 0; i < size; i++) {
        const age = kind === 'family' ? (i < 2 ? r.int(32, 55) : r.int(2, 17)) : r.int(22, 75);
        // Family members share a surname, except a spouse where marriage does not change it (KR, CN, HK, TW, VN).
        const shared = (kind === 'family' || kind === 'couple') && !(i === 1 && KEEPS_SURNAME.has(nationality));
        let person = d.person(flight, nationality, age, shared ? surname : undefined);
        // Avoid namesakes within a booking where the small name lists allow (a large tour group may keep one).
        for (let retry = 0; retry < 5 && group.some((t) => t.apis.surname === person.surname && t.apis.givenNames === person.givenNames); retry++) {
          person = { ...person, givenNames: r.pick((NAMES[nationality] ?? NAMES.US)[person.sex === 'M' ? 'male' : 'female']) };
        }
        group.push({ apis: person, pattern: null });
      }
      const resident = nationality === 'KR';
      const tripDays = r.int(3, 20);
      const firstDeparture = resident ? addDays(date, -tripDays) : date;
      const returnFlight = returnFlightOf(flight.flightNumber);
      const inbound = d.segment(flight.flightNumber, flight.from, ARRIVAL.airport, date);
      pnrs.push({
        bookingReference: d.locator(),
        bookingDate: addDays(firstDeparture, -r.int(14, 120)),
        formOfPayment: kind === 'tour' ? 'INVOICE' : r.chance(0.05) ? 'MILES' : 'CARD',
        passengers: group.map((t) => d.pnrPassenger(t.apis)),
        itinerary: resident
          ? [d.segment(returnFlight, ARRIVAL.airport, flight.from, firstDeparture), inbound]
          : [inbound, d.segment(returnFlight, ARRIVAL.airport, flight.from, addDays(date, tripDays))],
        lengthOfStayDays: resident ? null : tripDays,
        bags: Math.min(99, size + r.int(0, size)),
      });
      bookingGroups.push(group);
      seats += size;
    }

    // Seats in booking order after a shuffle of the bookings: a family sits together, couriers anywhere.
    let seat = 0;
    for (const group of r.shuffle(bookingGroups)) {
      for (const t of group) {
        const row = 10 + Math.floor(seat / SEAT_LETTERS.length);
        const assigned = r.chance(0.03) ? null : `${row}${SEAT_LETTERS[seat % SEAT_LETTERS.length]}`;
        apis.push({ ...t.apis, seat: assigned });
        if (t.pattern !== null) planted.push({ passengerRecordId: t.apis.passengerRecordId, pattern: t.pattern });
        seat++;
      }
    }
  }
  return { apis, pnrs, planted };
}
