/**
 * Common passwords of 10 characters or more (shorter ones are refused by length
 * anyway): the top of public leak lists, French favourites and keyboard walks.
 * Compared after lower-casing and removing spaces. Not exhaustive; the aim is to
 * refuse what an attacker tries first (OWASP ASVS 6.2.4).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890', '12345678910', '123456789a', '0123456789', '0987654321', '1111111111', '0000000000',
  '1234512345', '1122334455', '1212121212', '1231231231', '9876543210', '123456789123', '123456123456',
  '12345678900', '111111111111', '123123123123', '147258369147', '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  'q1w2e3r4t5', 'qwertyuiop', 'qwerty12345', 'qwerty123456', 'qwertyuiop123', 'asdfghjkl1', 'zxcvbnm123',
  'azertyuiop', 'azerty1234', 'azerty12345', 'azerty123456', 'azertyuiop1', 'azertyuiop123', 'wxcvbn1234',
  'qsdfghjklm', 'password12', 'password123', 'password1234', 'password!1', 'passw0rd123', 'passwordpassword',
  'motdepasse', 'motdepasse1', 'motdepasse12', 'motdepasse123', 'motdepasse1234', 'motdepassse', 'mot2passe123',
  'monmotdepasse', 'jetaime123', 'jetaime1234', 'jetaimeteamo', 'soleil1234', 'soleil12345', 'bonjour123',
  'bonjour1234', 'doudou1234', 'chouchou123', 'loulou1234', 'marseille13', 'marseille123', 'olympique13',
  'football12', 'football123', 'football1234', 'iloveyou12', 'iloveyou123', 'princesse1', 'princesse123',
  'nicolas123', 'camille123', 'celine1234', 'sandrine123', 'julien1234', 'thomas1234', 'alexandre1',
  'alexandre123', 'chocolat12', 'chocolat123', 'vacances2024', 'vacances2025', 'vacances2026', 'ludotheque',
  'ludotheque1', 'ludotheque123', 'ludotheque2025', 'ludotheque2026', 'centresocial', 'centresocial1',
  'centresocial123', 'pointage123', 'pointage2026', 'administrateur', 'administrator', 'admin12345',
  'admin123456', 'adminadmin', 'adminadmin1', 'administrator1', 'superadmin', 'superadmin1', 'superadmin123',
  'changeme123', 'changezmoi', 'bienvenue1', 'bienvenue12', 'bienvenue123', 'welcome123', 'welcome1234',
  'letmein123', 'trustno1234', 'dragon1234', 'sunshine12', 'sunshine123', 'princess12', 'princess123',
  'baseball12', 'baseball123', 'superman123', 'batman1234', 'starwars12', 'starwars123', 'pokemon123',
  'computer12', 'computer123', 'internet12', 'internet123', 'qazwsxedcrfv', 'zaq12wsxcde', 'abcdefghij',
  'abcdef1234', 'abcd123456', 'abc1234567', 'aaaaaaaaaa', 'azazazazaz', 'qwertyqwerty', 'azertyazerty',
  'mypassword', 'mypassword1', 'secret1234', 'secret12345', 'test123456', 'testtesttest', 'master1234',
  'michael123', 'jennifer12', 'charlie123', 'liverpool1', 'chelsea123', 'arsenal123', 'manchester',
  'paris75000', 'lille59000', 'nord59000', 'france2026', 'france1234', 'fraise1234', 'cocorico12',
]);
