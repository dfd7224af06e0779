/**
 * The demo articles' featured images: flat illustrations drawn here as SVG (no stock photos to license, no
 * download), turned into JPEG and uploaded through the media library like any editor's image, so the demo
 * shows what a real article carries: the picture in its sizes and formats, alt text, caption and credit.
 */
export interface DemoImage {
  /** The DemoArticle it illustrates. */
  slug: string;
  svg: string;
  altText: string;
  caption: string;
}

export const DEMO_IMAGE_CREDIT = 'Illustration: Mira Castell/Globe Echo';
/** The demo's (fictional) staff illustrator: a creator is a person in the rights fields and in JSON-LD. */
export const DEMO_IMAGE_CREATOR = 'Mira Castell';

const WIDTH = 1600;
const HEIGHT = 900;

function picture(sky: [string, string], body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
<rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
${body}
</svg>`;
}

/** A band of water from `y` down, its top edge a gentle wave. */
function water(y: number, colour: string, amplitude = 18): string {
  return `<path d="M0 ${y} Q 200 ${y - amplitude} 400 ${y} T 800 ${y} T 1200 ${y} T 1600 ${y} V${HEIGHT} H0Z" fill="${colour}"/>`;
}

/** A ridge of hills or mountains through the given points, filled to the bottom. */
function ridge(points: Array<[number, number]>, colour: string): string {
  return `<path d="M0 ${HEIGHT} ${points.map(([x, y]) => `L${x} ${y}`).join(' ')} L${WIDTH} ${HEIGHT}Z" fill="${colour}"/>`;
}

function repeat(count: number, draw: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => draw(i)).join('');
}

/** Stars scattered over the top `height` pixels: a fixed pseudo-random sequence, so every seed draws the same sky. */
function stars(count: number, height: number): string {
  let state = 2_463_534_242;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  return repeat(count, (i) => `<circle cx="${Math.round(next() * WIDTH)}" cy="${Math.round(next() * height)}" r="${1 + (i % 3)}" fill="#f1f3f5" opacity="${(0.4 + next() * 0.6).toFixed(2)}"/>`);
}

export const demoImages: DemoImage[] = [
  {
    slug: 'missile-launch-over-strait-of-tessel-prompts-emergency-regional-talks',
    altText: 'Illustration: a dotted arc crosses a dusk sky above a narrow strait between two dark coastlines',
    caption: 'The Strait of Tessel, crossed by some of the region’s busiest shipping lanes.',
    svg: picture(['#1f3354', '#d9896a'], [
      `<circle cx="1180" cy="560" r="80" fill="#f3c77a"/>`,
      ridge([[0, 520], [180, 470], [360, 540], [520, 600], [560, 900]], '#24344a'),
      `<path d="M1600 900 L1120 900 L1180 610 L1320 560 L1460 500 L1600 530Z" fill="#2a3b52"/>`,
      water(640, '#2e4a6b'),
      water(720, '#223a58', 12),
      `<path d="M250 470 Q 800 60 1350 520" stroke="#fdf3e1" stroke-width="7" stroke-dasharray="22 16" fill="none"/>`,
      `<path d="M700 690 h90 l-12 18 h-70z M735 690 v-26 h14 v26" fill="#111c2b"/>`,
    ].join('')),
  },
  {
    slug: 'heatwave-breaks-century-old-temperature-records-across-calder-valley',
    altText: 'Illustration: a huge orange sun over a parched valley with a thermometer at its top mark',
    caption: 'Temperatures in the Calder Valley passed 43C for a third day running.',
    svg: picture(['#f7b267', '#f4845f'], [
      `<circle cx="800" cy="330" r="210" fill="#fde68a" opacity="0.55"/>`,
      `<circle cx="800" cy="330" r="150" fill="#fff1b8"/>`,
      ridge([[0, 600], [300, 540], [620, 620], [900, 560], [1250, 630], [1600, 570]], '#c8553d'),
      ridge([[0, 720], [400, 680], [800, 740], [1200, 690], [1600, 730]], '#8c2f1e'),
      `<rect x="1320" y="180" width="60" height="380" rx="30" fill="#fff7ed"/><rect x="1336" y="200" width="28" height="340" rx="14" fill="#dc2626"/><circle cx="1350" cy="570" r="52" fill="#dc2626"/>`,
      repeat(7, (i) => `<rect x="${1400}" y="${200 + i * 50}" width="30" height="6" fill="#fff7ed"/>`),
    ].join('')),
  },
  {
    slug: 'parliament-narrowly-passes-electoral-reform-bill-after-marathon-debate',
    altText: 'Illustration: a domed parliament building with a row of columns under a night sky',
    caption: 'The vote came after a sitting of more than 14 hours.',
    svg: picture(['#0f1b3d', '#3b4a7a'], [
      stars(40, 320),
      `<path d="M560 330 A 240 200 0 0 1 1040 330Z" fill="#c7d2fe"/><rect x="780" y="80" width="40" height="70" fill="#c7d2fe"/>`,
      `<path d="M400 400 L800 300 L1200 400Z" fill="#e0e7ff"/><rect x="420" y="400" width="760" height="30" fill="#e0e7ff"/>`,
      repeat(9, (i) => `<rect x="${450 + i * 85}" y="440" width="40" height="300" fill="#dbe2ff"/>`),
      `<rect x="380" y="740" width="840" height="40" fill="#e0e7ff"/><rect x="340" y="780" width="920" height="40" fill="#c7d2fe"/>`,
      `<rect x="0" y="820" width="1600" height="80" fill="#1e293b"/>`,
    ].join('')),
  },
  {
    slug: 'marlow-city-unveils-fifteen-year-transit-plan-with-two-new-tram-lines',
    altText: 'Illustration: a red tram runs along tracks in front of a city skyline',
    caption: 'Two new tram lines would link Marlow’s centre to its eastern districts.',
    svg: picture(['#a5d8ff', '#e7f5ff'], [
      repeat(11, (i) => `<rect x="${i * 150}" y="${300 + ((i * 71) % 180)}" width="120" height="600" fill="${i % 2 ? '#748ffc' : '#91a7ff'}"/>`),
      `<rect x="0" y="660" width="1600" height="240" fill="#495057"/>`,
      `<rect x="0" y="700" width="1600" height="8" fill="#ced4da"/><rect x="0" y="760" width="1600" height="8" fill="#ced4da"/>`,
      `<path d="M300 190 L1300 190" stroke="#343a40" stroke-width="4"/><path d="M780 190 L740 470 M820 190 L860 470" stroke="#343a40" stroke-width="5"/>`,
      `<rect x="420" y="470" width="760" height="210" rx="36" fill="#e03131"/>`,
      repeat(6, (i) => `<rect x="${470 + i * 115}" y="500" width="85" height="80" rx="8" fill="#fff5f5"/>`),
      `<rect x="420" y="610" width="760" height="14" fill="#fff5f5"/><circle cx="540" cy="690" r="26" fill="#212529"/><circle cx="1060" cy="690" r="26" fill="#212529"/>`,
    ].join('')),
  },
  {
    slug: 'eastbrook-council-to-trial-rent-stabilisation-zone-as-costs-climb',
    altText: 'Illustration: a terrace of narrow houses in different colours, with lit windows',
    caption: 'Rents in three Eastbrook neighbourhoods rose by 19 percent since 2022.',
    svg: picture(['#ffe8cc', '#fff4e6'], [
      repeat(8, (i) => {
        const x = i * 200;
        const colours = ['#e8590c', '#f08c00', '#2f9e44', '#1971c2', '#ae3ec9', '#c92a2a', '#0c8599', '#5c940d'];
        const top = 300 + (i % 3) * 30;
        return `<path d="M${x} ${top} L${x + 100} ${top - 90} L${x + 200} ${top} V820 H${x}Z" fill="${colours[i]}"/><rect x="${x + 30}" y="${top + 40}" width="50" height="70" fill="#fff3bf"/><rect x="${x + 120}" y="${top + 40}" width="50" height="70" fill="#fff3bf"/><rect x="${x + 75}" y="700" width="50" height="120" fill="#343a40"/>`;
      }),
      `<rect x="0" y="820" width="1600" height="80" fill="#868e96"/>`,
    ].join('')),
  },
  {
    slug: 'central-bank-holds-rates-but-signals-cut-later-this-year',
    altText: 'Illustration: a line chart that climbs, levels off and starts to dip, over pale bars',
    caption: 'The bank’s benchmark rate has stayed at 4.25 percent since its last rise.',
    svg: picture(['#f8f9fa', '#e9ecef'], [
      repeat(5, (i) => `<path d="M120 ${180 + i * 130} H1480" stroke="#ced4da" stroke-width="3"/>`),
      repeat(12, (i) => `<rect x="${160 + i * 110}" y="${760 - [120, 160, 210, 300, 380, 440, 470, 480, 480, 470, 450, 420][i]!}" width="70" height="${[120, 160, 210, 300, 380, 440, 470, 480, 480, 470, 450, 420][i]!}" fill="#d0ebff"/>`),
      `<path d="M195 640 L305 600 L415 540 L525 440 L635 340 L745 270 L855 240 L965 230 L1075 230 L1185 245 L1295 270 L1405 310" stroke="#1864ab" stroke-width="12" fill="none" stroke-linejoin="round"/>`,
      `<circle cx="1405" cy="310" r="20" fill="#1864ab"/>`,
      `<rect x="120" y="760" width="1360" height="6" fill="#495057"/>`,
    ].join('')),
  },
  {
    slug: 'dockworkers-at-port-halvern-walk-out-over-automation-plans',
    altText: 'Illustration: two container cranes stand idle over stacked shipping containers at a quay',
    caption: 'Port Halvern handles a third of the country’s container traffic.',
    svg: picture(['#74c0fc', '#d0ebff'], [
      water(760, '#1c7ed6', 10),
      `<rect x="0" y="640" width="1600" height="120" fill="#495057"/>`,
      repeat(2, (i) => {
        const x = 300 + i * 700;
        return `<rect x="${x}" y="200" width="30" height="440" fill="#f59f00"/><rect x="${x + 200}" y="200" width="30" height="440" fill="#f59f00"/><rect x="${x - 120}" y="180" width="520" height="36" fill="#f59f00"/><path d="M${x + 115} 216 V380" stroke="#343a40" stroke-width="6"/><rect x="${x + 80}" y="380" width="70" height="24" fill="#343a40"/>`;
      }),
      repeat(14, (i) => {
        const colours = ['#c92a2a', '#2b8a3e', '#1864ab', '#e67700', '#5f3dc4'];
        return `<rect x="${60 + (i % 7) * 210}" y="${560 - Math.floor(i / 7) * 80}" width="190" height="70" fill="${colours[i % 5]}"/>`;
      }),
    ].join('')),
  },
  {
    slug: 'software-firms-lumetra-and-brightwave-agree-merger',
    altText: 'Illustration: a teal circle and a violet circle overlap, the shared part glowing white',
    caption: 'The combined company would keep the Lumetra name.',
    svg: picture(['#212529', '#343a40'], [
      `<circle cx="650" cy="450" r="280" fill="#12b886" opacity="0.9"/>`,
      `<circle cx="950" cy="450" r="280" fill="#7950f2" opacity="0.9"/>`,
      `<path d="M800 213 A 280 280 0 0 1 800 687 A 280 280 0 0 1 800 213Z" fill="#f8f9fa"/>`,
    ].join('')),
  },
  {
    slug: 'survey-finds-aldren-glacier-lost-a-fifth-of-its-volume-in-a-decade',
    altText: 'Illustration: a glacier between grey mountains, with a pale line where its ice once reached',
    caption: 'The Aldren Glacier’s ice once filled the valley to the dotted line.',
    svg: picture(['#d0ebff', '#f1f3f5'], [
      ridge([[0, 420], [260, 200], [480, 360], [700, 160], [930, 380], [1150, 190], [1400, 340], [1600, 260]], '#868e96'),
      `<path d="M560 900 Q 700 600 760 360 Q 830 600 1060 900Z" fill="#e7f5ff"/>`,
      `<path d="M420 900 Q 650 560 760 330 Q 880 560 1200 900" stroke="#74c0fc" stroke-width="6" stroke-dasharray="18 14" fill="none"/>`,
      ridge([[0, 760], [300, 700], [600, 780], [1000, 720], [1300, 790], [1600, 740]], '#495057'),
    ].join('')),
  },
  {
    slug: 'space-telescope-detects-water-vapour-on-distant-exoplanet',
    altText: 'Illustration: a blue planet with a glowing rim passes in front of a red star in a starry sky',
    caption: 'TK-2207 b is about twice the size of Earth and orbits a cool red dwarf.',
    svg: picture(['#0b0a1f', '#1b1840'], [
      stars(90, HEIGHT),
      `<circle cx="1150" cy="380" r="240" fill="#e8590c" opacity="0.35"/><circle cx="1150" cy="380" r="190" fill="#f76707"/>`,
      `<circle cx="1010" cy="470" r="96" fill="#a5d8ff" opacity="0.45"/><circle cx="1010" cy="470" r="84" fill="#1c7ed6"/>`,
    ].join('')),
  },
  {
    slug: 'national-maritime-museum-reopens-after-four-year-renovation',
    altText: 'Illustration: a sailing cutter hangs beneath the arched iron-and-glass roof of a great hall',
    caption: 'The restored pilot cutter Marianne now hangs beneath the Great Hall’s roof.',
    svg: picture(['#e6fcf5', '#c3fae8'], [
      repeat(7, (i) => `<path d="M${100 + i * 233} 900 V 300 Q ${216 + i * 233} 80 ${333 + i * 233} 300" stroke="#495057" stroke-width="10" fill="none"/>`),
      `<path d="M0 300 Q 800 -80 1600 300" stroke="#343a40" stroke-width="14" fill="none"/>`,
      `<path d="M560 560 H1040 L980 640 H620Z" fill="#862e9c"/><path d="M800 250 V560" stroke="#343a40" stroke-width="8"/><path d="M810 270 L1000 540 H810Z" fill="#fff9db"/><path d="M790 300 L640 540 H790Z" fill="#fff3bf"/>`,
      `<path d="M700 150 V250 M900 150 V250" stroke="#adb5bd" stroke-width="3"/>`,
      `<rect x="0" y="820" width="1600" height="80" fill="#868e96"/>`,
    ].join('')),
  },
  {
    slug: 'quiet-family-drama-takes-top-prize-at-sarnow-film-festival',
    altText: 'Illustration: a strip of film frames curls across a dark red background beside a glowing lantern',
    caption: '“The Winter Orchard” won the festival’s Golden Lantern.',
    svg: picture(['#5c0f14', '#2b070a'], [
      `<path d="M100 650 Q 600 350 1100 520" stroke="#212529" stroke-width="180" fill="none"/>`,
      `<path d="M100 650 Q 600 350 1100 520" stroke="#f8f9fa" stroke-width="110" stroke-dasharray="80 30" fill="none" opacity="0.85"/>`,
      `<rect x="1250" y="300" width="180" height="260" rx="30" fill="#fcc419"/><rect x="1280" y="340" width="120" height="180" rx="20" fill="#fff3bf"/><path d="M1300 300 Q 1340 220 1380 300" stroke="#fcc419" stroke-width="14" fill="none"/>`,
      `<circle cx="1340" cy="430" r="220" fill="#fcc419" opacity="0.12"/>`,
    ].join('')),
  },
];
