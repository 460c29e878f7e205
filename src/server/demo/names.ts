/**
 * Name pools by origin, for realistic-looking synthetic persons: typical names of the larger
 * refugee and immigrant groups in Norway, Norwegian surnames (taken by some through
 * marriage), with æ/ø/å and accents (é, è, ë, â) where the language has them.
 */
interface NamePool {
  male: string[]
  female: string[]
  last: string[]
}

const pools: Record<string, NamePool> = {
  arabic: {
    male: ['Ahmad', 'Mohammad', 'Omar', 'Khaled', 'Yousef', 'Hussein', 'Ali', 'Samir', 'Rami', 'Bilal'],
    female: ['Fatima', 'Aya', 'Rania', 'Noor', 'Layla', 'Huda', 'Amira', 'Zainab', 'Rasha', 'Dalia'],
    last: ['Al-Hassan', 'Haddad', 'Khalil', 'Al-Ahmad', 'Ibrahim', 'Mansour', 'Darwish', 'Hamdan', 'Al-Khatib', 'Saleh'],
  },
  persian: {
    male: ['Farid', 'Mustafa', 'Reza', 'Hamid', 'Jawad', 'Dariush', 'Sohrab', 'Nasir', 'Ahmad Shah'],
    female: ['Zahra', 'Maryam', 'Fereshteh', 'Parwana', 'Shirin', 'Nazanin', 'Soraya', 'Mahsa'],
    last: ['Ahmadi', 'Hosseini', 'Rahimi', 'Mohammadi', 'Karimi', 'Rezaei', 'Sultani', 'Jafari', 'Nazari'],
  },
  horn: {
    male: ['Filmon', 'Yonas', 'Tesfalem', 'Dawit', 'Samuel', 'Mehari', 'Biniam', 'Robel'],
    female: ['Semhar', 'Abrehet', 'Helen', 'Selam', 'Saba', 'Luwam', 'Meron', 'Rahel'],
    last: ['Tesfaye', 'Yohannes', 'Haile', 'Tsegay', 'Ghebremedhin', 'Kidane', 'Berhane', 'Woldu'],
  },
  somali: {
    male: ['Abdirahman', 'Mohamed', 'Abdi', 'Hassan', 'Yusuf', 'Ahmed', 'Liban'],
    female: ['Hodan', 'Ayaan', 'Fadumo', 'Hibo', 'Sahra', 'Ubah', 'Nimco'],
    last: ['Mohamed', 'Abdi', 'Hassan', 'Warsame', 'Farah', 'Osman', 'Jama', 'Ali'],
  },
  french: {
    male: ['Héritier', 'Benoît', 'Désiré', 'Jean-Claude', 'Patrice', 'Aimé', 'Noël', 'Jérôme'],
    female: ['Chantal', 'Josée', 'Hélène', 'Bénédicte', 'Grâce', 'Noëlla', 'Céline', 'Esthère'],
    last: ['Mbala', 'Kabila', 'Ngoy', 'Ilunga', 'Mukendi', 'Kasongo', 'Tshibanda', 'Mutombo'],
  },
  burmese: {
    male: ['Aung', 'Htet', 'Kyaw', 'Min', 'Zaw'],
    female: ['Thandar', 'Khin', 'Su', 'Ei', 'Nandar'],
    last: ['Win', 'Naing', 'Oo', 'Htun', 'Aye'],
  },
  ukrainian: {
    male: ['Dmytro', 'Oleksandr', 'Andrii', 'Serhii', 'Mykola', 'Yurii', 'Bohdan'],
    female: ['Olena', 'Iryna', 'Kateryna', 'Oksana', 'Nataliia', 'Yuliia', 'Sofiia'],
    last: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Kravchenko', 'Boiko'],
  },
  asian: {
    male: ['José', 'Mark', 'Nguyen Van', 'Arjun', 'Wei', 'Somchai', 'Rafael'],
    female: ['María', 'Maricel', 'Siriporn', 'Thi Lan', 'Priya', 'Mei', 'Rosalía'],
    last: ['Santos', 'Reyes', 'dela Cruz', 'Nguyen', 'Tran', 'Sharma', 'Patel', 'Wang', 'Chaiyaporn'],
  },
  european: {
    male: ['Łukasz', 'Tomasz', 'Andrius', 'Mihai', 'Piotr', 'Jonas'],
    female: ['Agnieszka', 'Małgorzata', 'Ieva', 'Ioana', 'Zofia', 'Rūta'],
    last: ['Kowalski', 'Nowak', 'Kazlauskas', 'Popescu', 'Wiśniewski', 'Petrauskas'],
  },
}

/** Norwegian surnames, for spouses of Norwegian citizens and as some children's middle names. */
export const norwegianLastNames = ['Ødegård', 'Sæther', 'Bjørnstad', 'Åsheim', 'Kvalø', 'Løvås', 'Hæreid', 'Brække', 'Grønvold', 'Solberg']
export const norwegianFirstNames = { male: ['Bjørn', 'Håkon', 'Sindre', 'Øystein'], female: ['Åse', 'Kjærsti', 'Sølvi', 'Ingrid'] }

const poolOfCountry: Record<string, string> = {
  SYR: 'arabic',
  IRQ: 'arabic',
  SDN: 'arabic',
  XXX: 'arabic',
  PSE: 'arabic',
  AFG: 'persian',
  IRN: 'persian',
  ERI: 'horn',
  ETH: 'horn',
  SOM: 'somali',
  COD: 'french',
  BDI: 'french',
  MMR: 'burmese',
  UKR: 'ukrainian',
  PHL: 'asian',
  THA: 'asian',
  VNM: 'asian',
  IND: 'asian',
  CHN: 'asian',
  POL: 'european',
  LTU: 'european',
  ROU: 'european',
}

export function namePool(country: string): NamePool {
  return pools[poolOfCountry[country] ?? 'arabic']
}

/** Every name a demo person can get (first, middle and last names of every pool): what a log must never contain. */
export function allDemoNames(): string[] {
  const out = new Set<string>([...norwegianLastNames, ...norwegianFirstNames.male, ...norwegianFirstNames.female])
  for (const pool of Object.values(pools)) for (const n of [...pool.male, ...pool.female, ...pool.last]) out.add(n)
  return [...out]
}
