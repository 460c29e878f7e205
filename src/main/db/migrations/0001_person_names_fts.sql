-- Name search (A3, R2.4): names pre-folded in JS with shared foldName. remove_diacritics 0
-- because the built-in folding would turn å into a; candidates are filtered with nameMatches.
CREATE VIRTUAL TABLE `person_names` USING fts5(`person_id` UNINDEXED, `names`, tokenize = 'unicode61 remove_diacritics 0');
