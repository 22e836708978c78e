/**
 * Name lists of the seed: common French first names and family names, combined
 * at random into fictional people. No list describes a real person.
 */

/** First names of adults (born 1950–2005). */
export const ADULT_FEMALE_NAMES = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Christine', 'Sandrine', 'Valérie', 'Céline', 'Stéphanie',
  'Aurélie', 'Julie', 'Émilie', 'Caroline', 'Laetitia', 'Virginie', 'Sophie', 'Audrey', 'Élodie', 'Mélanie',
  'Anne', 'Claire', 'Delphine', 'Karine', 'Nadia', 'Samira', 'Fatima', 'Amandine', 'Pauline', 'Camille',
  'Sarah', 'Laura', 'Marion', 'Charlotte', 'Justine', 'Morgane', 'Aïcha', 'Leïla', 'Anaïs', 'Manon',
] as const;

export const ADULT_MALE_NAMES = [
  'Jean', 'Philippe', 'Michel', 'Alain', 'Patrick', 'Nicolas', 'Christophe', 'Stéphane', 'Sébastien', 'Julien',
  'Frédéric', 'Laurent', 'Olivier', 'David', 'Éric', 'Thomas', 'Jérôme', 'Pierre', 'Vincent', 'Mickaël',
  'Guillaume', 'Romain', 'Anthony', 'Maxime', 'Kévin', 'Mohamed', 'Karim', 'Rachid', 'Yann', 'Benoît',
  'Cédric', 'Arnaud', 'Fabien', 'Grégory', 'Damien', 'Mathieu', 'Samuel', 'Mehdi', 'Alexandre', 'François',
] as const;

/** First names of grandparents (born 1945–1975). */
export const SENIOR_FEMALE_NAMES = [
  'Monique', 'Françoise', 'Martine', 'Chantal', 'Danielle', 'Nicole', 'Brigitte', 'Josiane', 'Annie', 'Colette',
  'Jacqueline', 'Michèle', 'Évelyne', 'Dominique', 'Patricia', 'Marie-Christine', 'Bernadette', 'Yvette', 'Odile', 'Malika',
] as const;

export const SENIOR_MALE_NAMES = [
  'Jean-Pierre', 'Bernard', 'Gérard', 'Daniel', 'Claude', 'Jacques', 'René', 'Serge', 'André', 'Roger',
  'Jean-Claude', 'Guy', 'Marcel', 'Gilbert', 'Yves', 'Robert', 'Jean-Marie', 'Henri', 'Ahmed', 'Joël',
] as const;

/** First names of children (born 2008–2026). */
export const CHILD_FEMALE_NAMES = [
  'Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Lina', 'Léa', 'Rose', 'Anna', 'Mila',
  'Inès', 'Ambre', 'Julia', 'Mia', 'Léna', 'Manon', 'Juliette', 'Lou', 'Zoé', 'Camille',
  'Agathe', 'Lola', 'Nina', 'Iris', 'Romane', 'Sarah', 'Maëlys', 'Yasmine', 'Nour', 'Clémence',
  'Giulia', 'Adèle', 'Victoire', 'Capucine', 'Margaux', 'Eva', 'Lucie', 'Élise', 'Assia', 'Héloïse',
] as const;

export const CHILD_MALE_NAMES = [
  'Gabriel', 'Léo', 'Raphaël', 'Arthur', 'Louis', 'Jules', 'Adam', 'Maël', 'Lucas', 'Hugo',
  'Noah', 'Liam', 'Gabin', 'Sacha', 'Paul', 'Nathan', 'Aaron', 'Mohamed', 'Ethan', 'Tom',
  'Eden', 'Léon', 'Noé', 'Tiago', 'Théo', 'Isaac', 'Marius', 'Victor', 'Ayden', 'Martin',
  'Nolan', 'Timéo', 'Enzo', 'Axel', 'Mathis', 'Antoine', 'Robin', 'Valentin', 'Ilyes', 'Kylian',
] as const;

/** Frequent family names in France and in the Lille area. */
export const FAMILY_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Delattre', 'Dhalluin', 'Vandenberghe', 'Dubrulle', 'Lemaire', 'Delannoy', 'Declercq', 'Vasseur', 'Carpentier', 'Deschamps',
  'Lecomte', 'Duhamel', 'Caron', 'Delcroix', 'Desmet', 'Wattel', 'Leclercq', 'Hennebelle', 'Lagache', 'Duquesne',
  'Benali', 'Haddad', 'Bouzid', 'Mansouri', 'Diallo', 'Traoré', 'Nguyen', 'Kowalski', 'Da Silva', 'Ferreira',
  "D'Hondt", 'Van de Velde', 'Saïdi', 'Belkacem', 'Cissé', 'Rodrigues', 'Pereira', 'Lemoine', 'Marchand', 'Noël',
] as const;

/** Names of the seeded ludothèques (fictional places). */
export const STRUCTURE_NAMES = [
  'Les Tilleuls', 'La Passerelle', "L'Arbre à jeux", 'Le Petit Pont', 'Les Coquelicots', 'La Marelle', 'Le Moulin',
  'Les Marronniers', 'La Toupie', 'Le Cerf-Volant', 'Les Hirondelles', 'La Ribambelle', 'Le Jardin des jeux', 'Les Acacias',
  'La Boîte à malices', 'Le Bilboquet', 'Les Peupliers', 'La Courte Échelle', 'Le Dé Magique', 'Les Lilas',
  'La Clairière', 'Le Manège', 'Les Glycines', 'La Fourmilière', 'Le Kaléidoscope',
] as const;
