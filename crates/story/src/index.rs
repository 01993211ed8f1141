//! Incremental story clustering: each article joins the most similar open story or opens
//! a new one, without recomputing earlier assignments.
//!
//! An article becomes one sparse vector over three kinds of term, all weighted by
//! TF-IDF with document frequencies counted as articles arrive: content words of the
//! cleaned text, entities and actor codes, and event signatures (source>target/root).
//! IDF makes what every story shares (Putin, Russia, Ukraine) weigh little and what
//! only one story has (Hanoi, Kursk, Houthi) weigh much. Candidate stories come from an
//! inverted index over each story's most salient terms, limited to a window around the
//! publication date, and the article is compared with each candidate's centroid only.
//! Near-duplicates (wire copies) are found first by MinHash LSH and join their original's
//! story without moving its centroid.
use crate::minhash::Signature;
use crate::model::{Article, Story, StoryId};
use crate::terms;
use crate::vector::{Centroid, SparseVec, TermId};
use chrono::NaiveDate;
use dyad_code::CodedDocument;
use std::collections::{HashMap, HashSet, VecDeque};

/// Tuning of the clustering; [`Config::default`] is what the benchmarks measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Least cosine between an article and a story centroid for the article to join.
    pub threshold: f32,
    /// Stories whose publication dates lie further than this from the article's are not
    /// candidates (only when both dates are known).
    pub window_days: i64,
    /// Least estimated Jaccard of word shingles for a near-duplicate.
    pub duplicate_jaccard: f64,
    /// Terms kept in an article's vector.
    pub doc_terms: usize,
    /// Terms kept in a story centroid.
    pub centroid_terms: usize,
    /// An article's heaviest terms used to look up and index stories.
    pub lookup_terms: usize,
    /// Most recent stories kept per term in the inverted index.
    pub posting_cap: usize,
    /// Most candidate stories compared with an article (those sharing most lookup terms).
    pub max_candidates: usize,
    /// Weight of entity and actor terms relative to content words.
    pub entity_weight: f32,
    /// Weight of event signature terms relative to content words.
    pub event_weight: f32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            threshold: 0.15,
            window_days: 14,
            duplicate_jaccard: 0.5,
            doc_terms: 200,
            centroid_terms: 500,
            lookup_terms: 40,
            posting_cap: 64,
            max_candidates: 32,
            entity_weight: 1.0,
            event_weight: 1.0,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub story: StoryId,
    /// The article opened this story.
    pub opened: bool,
    /// The earlier article this one copies.
    pub duplicate_of: Option<String>,
    /// Cosine with the story joined (or Jaccard with the original for a copy); 0 when opened.
    pub similarity: f32,
}

struct StoryState {
    centroid: Centroid,
    indexed: HashSet<TermId>,
    dates: Option<(NaiveDate, NaiveDate)>,
}

struct SeenDoc {
    key: String,
    story: StoryId,
    signature: Signature,
    duplicate_of: Option<String>,
}

/// What one [`Clusterer::add`] changed, so that a store can persist the index state
/// incrementally (a few rows per article) instead of rewriting it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delta {
    /// Terms first seen in this article, with their ids.
    pub new_terms: Vec<(TermId, String)>,
    /// Terms whose document frequency went up by one (every term of the article).
    pub counted: Vec<TermId>,
    /// The story's centroid after the article joined; `None` for a wire copy, which
    /// leaves the centroid as it was.
    pub centroid: Option<Vec<(TermId, f32)>>,
    /// Terms under which the story was newly indexed, in order.
    pub indexed: Vec<TermId>,
    /// The story's publication-date range after the article joined.
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// The article's MinHash signature (none for a text without words).
    pub signature: Option<Signature>,
}

/// One story of a [`Snapshot`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorySnapshot {
    pub centroid: Vec<(TermId, f32)>,
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

/// One article of a [`Snapshot`] with a MinHash signature, in arrival order.
#[derive(Debug, Clone, PartialEq)]
pub struct SeenSnapshot {
    pub key: String,
    pub story: StoryId,
    pub signature: Signature,
    pub duplicate_of: Option<String>,
}

/// The whole clustering state, as a store keeps it: restoring it gives a
/// [`Clusterer`] that assigns the next articles exactly as the one it was taken from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Snapshot {
    /// Every term by id (the index in this list), with its document frequency.
    pub terms: Vec<(String, u32)>,
    /// Articles counted into the document frequencies.
    pub docs: u32,
    /// Stories in order of opening (`StoryId(1)` first).
    pub stories: Vec<StorySnapshot>,
    /// (term, story) pairs of the inverted index, in the order they were added.
    pub postings: Vec<(TermId, StoryId)>,
    pub seen: Vec<SeenSnapshot>,
}

impl Snapshot {
    /// Applies one article's [`Delta`] (what [`Clusterer::add_with_delta`] returned), as a
    /// store does to its tables.
    pub fn apply(&mut self, key: &str, a: &Assignment, d: &Delta) {
        for (t, name) in &d.new_terms {
            if *t as usize == self.terms.len() {
                self.terms.push((name.clone(), 0));
            }
        }
        for &t in &d.counted {
            if let Some(e) = self.terms.get_mut(t as usize) {
                e.1 += 1;
            }
        }
        self.docs += 1;
        if a.opened {
            self.stories.push(StorySnapshot::default());
        }
        if let Some(s) = self.stories.get_mut(slot(a.story)) {
            if let Some(c) = &d.centroid {
                s.centroid.clone_from(c);
            }
            s.dates = d.dates;
        }
        self.postings.extend(d.indexed.iter().map(|&t| (t, a.story)));
        if let Some(sig) = &d.signature {
            self.seen.push(SeenSnapshot { key: key.to_string(), story: a.story, signature: sig.clone(), duplicate_of: a.duplicate_of.clone() });
        }
    }
}

/// The clustering state alone: term statistics, story centroids, the inverted index
/// and the MinHash buckets, but not the articles themselves, so that it stays small
/// whatever the articles weigh. [`StoryIndex`] keeps the articles on top of it.
pub struct Clusterer {
    config: Config,
    vocab: HashMap<String, TermId>,
    df: Vec<u32>,
    docs: u32,
    stories: Vec<StoryState>,
    postings: Vec<VecDeque<StoryId>>,
    buckets: HashMap<u64, VecDeque<usize>>,
    seen: Vec<SeenDoc>,
    /// Terms interned by the article being added, for its [`Delta`].
    fresh: Vec<(TermId, String)>,
}

/// Bucket entries kept per LSH band hash.
const BUCKET_CAP: usize = 64;

impl Default for Clusterer {
    fn default() -> Self {
        Clusterer::new(Config::default())
    }
}

impl Clusterer {
    pub fn new(config: Config) -> Clusterer {
        Clusterer {
            config,
            vocab: HashMap::new(),
            df: Vec::new(),
            docs: 0,
            stories: Vec::new(),
            postings: Vec::new(),
            buckets: HashMap::new(),
            seen: Vec::new(),
            fresh: Vec::new(),
        }
    }

    /// Rebuilds the state a snapshot was taken of. Entries naming unknown terms or
    /// stories (a damaged store) are skipped rather than trusted.
    pub fn restore(config: Config, snap: Snapshot) -> Clusterer {
        let mut c = Clusterer::new(config);
        for (term, df) in snap.terms {
            let t = c.df.len() as TermId;
            c.vocab.insert(term, t);
            c.df.push(df);
            c.postings.push(VecDeque::new());
        }
        c.docs = snap.docs;
        let terms = c.df.len();
        for s in snap.stories {
            let mut centroid = Centroid::default();
            centroid.set(s.centroid.into_iter().filter(|(t, _)| (*t as usize) < terms));
            c.stories.push(StoryState { centroid, indexed: HashSet::new(), dates: s.dates });
        }
        for (t, story) in snap.postings {
            if (t as usize) < terms {
                if let Some(state) = c.stories.get_mut(slot(story)) {
                    state.indexed.insert(t);
                    c.push_posting(t, story);
                }
            }
        }
        for s in snap.seen {
            if slot(s.story) < c.stories.len() {
                c.remember(s.key, s.story, s.signature, s.duplicate_of);
            }
        }
        c
    }

    /// Articles added so far (or restored).
    pub fn articles(&self) -> u32 {
        self.docs
    }

    /// Stories opened so far.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Assigns one article (its coding and cleaned text) to a story, opening one if none
    /// is similar enough. `key` names the article for near-duplicate marks (a document
    /// id, or a content hash).
    pub fn add(&mut self, key: &str, coded: &CodedDocument, text: &str) -> Assignment {
        self.add_inner(key, coded, text, None)
    }

    /// [`Clusterer::add`], also returning what changed in the state.
    pub fn add_with_delta(&mut self, key: &str, coded: &CodedDocument, text: &str) -> (Assignment, Delta) {
        let mut delta = Delta::default();
        let a = self.add_inner(key, coded, text, Some(&mut delta));
        (a, delta)
    }

    fn add_inner(&mut self, key: &str, coded: &CodedDocument, text: &str, mut delta: Option<&mut Delta>) -> Assignment {
        self.fresh.clear();
        let (vector, counted) = self.vectorize(coded, text);
        let published = coded.doc.published.as_deref().and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let signature = Signature::of_text(text);

        let copy = signature.as_ref().and_then(|s| self.original_of(s));
        let (story, similarity, duplicate_of, opened) = match copy {
            Some((slot, jac)) => {
                let orig = &self.seen[slot];
                let root = orig.duplicate_of.clone().unwrap_or_else(|| orig.key.clone());
                (orig.story, jac as f32, Some(root), false)
            }
            None => match self.best_story(&vector, published) {
                Some((id, sim)) if sim >= self.config.threshold => (id, sim, None, false),
                _ => {
                    self.stories.push(StoryState { centroid: Centroid::default(), indexed: HashSet::new(), dates: None });
                    (StoryId(self.stories.len() as u32), 0.0, None, true)
                }
            },
        };

        let (df, docs) = (&self.df, self.docs);
        let idf = |t: TermId| idf(docs, df[t as usize]);
        let state = &mut self.stories[slot(story)];
        let mut indexed = Vec::new();
        if duplicate_of.is_none() {
            state.centroid.add(&vector, self.config.centroid_terms, idf);
            for t in vector.top_terms(self.config.lookup_terms, idf) {
                if state.indexed.insert(t) {
                    indexed.push(t);
                }
            }
        }
        if let Some(p) = published {
            state.dates = Some(match state.dates {
                Some((a, b)) => (a.min(p), b.max(p)),
                None => (p, p),
            });
        }
        if let Some(d) = delta.as_deref_mut() {
            d.new_terms = std::mem::take(&mut self.fresh);
            d.counted = counted;
            d.centroid = duplicate_of.is_none().then(|| state.centroid.entries());
            d.dates = state.dates;
            d.signature = signature.clone();
        }
        for &t in &indexed {
            self.push_posting(t, story);
        }
        if let Some(sig) = signature {
            self.remember(key.to_string(), story, sig, duplicate_of.clone());
        }
        if let Some(d) = delta {
            d.indexed = indexed;
        }
        Assignment { story, opened, duplicate_of, similarity }
    }

    fn push_posting(&mut self, t: TermId, story: StoryId) {
        let posting = &mut self.postings[t as usize];
        posting.push_back(story);
        if posting.len() > self.config.posting_cap {
            posting.pop_front();
        }
    }

    fn remember(&mut self, key: String, story: StoryId, signature: Signature, duplicate_of: Option<String>) {
        let slot = self.seen.len();
        for band in signature.bands() {
            let bucket = self.buckets.entry(band).or_default();
            bucket.push_back(slot);
            if bucket.len() > BUCKET_CAP {
                bucket.pop_front();
            }
        }
        self.seen.push(SeenDoc { key, story, signature, duplicate_of });
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&t) = self.vocab.get(term) {
            return t;
        }
        let t = self.df.len() as TermId;
        self.vocab.insert(term.to_string(), t);
        self.df.push(0);
        self.postings.push(VecDeque::new());
        self.fresh.push((t, term.to_string()));
        t
    }

    /// Counts the article's terms into the document frequencies and returns its
    /// term-frequency vector, cut to the terms heaviest by TF-IDF, and every term counted.
    fn vectorize(&mut self, coded: &CodedDocument, text: &str) -> (SparseVec, Vec<TermId>) {
        let mut tf: HashMap<TermId, (f32, f32)> = HashMap::new();
        let mut count = |index: &mut Self, term: &str, n: f32, weight: f32| {
            let t = index.intern(term);
            let e = tf.entry(t).or_insert((0.0, weight));
            e.0 += n;
        };
        for w in terms::content_words(text) {
            count(self, &w, 1.0, 1.0);
        }
        let ew = self.config.entity_weight;
        for e in &coded.entities {
            let n = e.mentions.max(1) as f32;
            count(self, &format!("@e:{}", e.name.to_lowercase()), n, ew);
            if let Some(a) = &e.actor {
                count(self, &format!("@a:{a}"), n, ew);
            }
        }
        let vw = self.config.event_weight;
        for ev in &coded.events {
            let key = |a: &dyad_code::ActorRef| a.country.clone().or_else(|| a.actor.clone());
            if let (Some(s), Some(t)) = (key(&ev.source), key(&ev.target)) {
                count(self, &format!("@v:{s}>{t}/{}", ev.root), 1.0, vw);
            }
        }
        self.docs += 1;
        for t in tf.keys() {
            self.df[*t as usize] += 1;
        }
        let mut counted: Vec<TermId> = tf.keys().copied().collect();
        counted.sort_unstable();
        let mut weights: Vec<(TermId, f32, f32)> = tf
            .into_iter()
            .map(|(t, (c, w))| {
                let raw = (1.0 + c.ln()) * w;
                (t, raw, raw * idf(self.docs, self.df[t as usize]))
            })
            .collect();
        if weights.len() > self.config.doc_terms {
            weights.select_nth_unstable_by(self.config.doc_terms, |a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
            weights.truncate(self.config.doc_terms);
        }
        (SparseVec::from_weights(weights.into_iter().map(|(t, raw, _)| (t, raw)).collect(), usize::MAX), counted)
    }

    /// The earlier article this signature nearly duplicates, with the estimated Jaccard.
    fn original_of(&self, sig: &Signature) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        let mut tried = HashSet::new();
        for band in sig.bands() {
            let Some(bucket) = self.buckets.get(&band) else { continue };
            for &slot in bucket {
                if !tried.insert(slot) {
                    continue;
                }
                let j = sig.jaccard(&self.seen[slot].signature);
                if j >= self.config.duplicate_jaccard && best.is_none_or(|b| j > b.1) {
                    best = Some((slot, j));
                }
            }
        }
        best
    }

    /// The candidate story most similar to the vector, with its cosine. Candidates are
    /// the stories in the date window that share the most lookup terms with the article,
    /// at most `max_candidates` of them, so the cost per article stays bounded.
    fn best_story(&self, v: &SparseVec, published: Option<NaiveDate>) -> Option<(StoryId, f32)> {
        let idf = |t: TermId| idf(self.docs, self.df[t as usize]);
        let mut hits: HashMap<StoryId, u32> = HashMap::new();
        for t in v.top_terms(self.config.lookup_terms, idf) {
            for &id in &self.postings[t as usize] {
                *hits.entry(id).or_insert(0) += 1;
            }
        }
        let mut candidates: Vec<(StoryId, u32)> = hits
            .into_iter()
            .filter(|(id, _)| {
                let state = &self.stories[slot(*id)];
                match (published, state.dates) {
                    (Some(p), Some((first, last))) => {
                        let w = chrono::Duration::days(self.config.window_days);
                        p >= first - w && p <= last + w
                    }
                    _ => true,
                }
            })
            .collect();
        if candidates.len() > self.config.max_candidates {
            candidates.select_nth_unstable_by(self.config.max_candidates, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
            candidates.truncate(self.config.max_candidates);
        }
        candidates
            .into_iter()
            .map(|(id, _)| (id, self.stories[slot(id)].centroid.cosine(v, idf)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

/// Position of a story in the clusterer's list: story numbers start at 1.
fn slot(id: StoryId) -> usize {
    (id.0 as usize).wrapping_sub(1)
}

/// Stories built one article at a time, with their articles: a [`Clusterer`] and the
/// articles it assigned.
#[derive(Default)]
pub struct StoryIndex {
    clusterer: Clusterer,
    stories: Vec<Story>,
}

impl StoryIndex {
    pub fn new(config: Config) -> StoryIndex {
        StoryIndex { clusterer: Clusterer::new(config), stories: Vec::new() }
    }

    /// Adds one article (its coding and its cleaned text) to a story, opening one if none
    /// is similar enough. Near-duplicate marks name the original's document id.
    pub fn add(&mut self, coded: CodedDocument, text: &str) -> Assignment {
        let a = self.clusterer.add(&coded.doc.id, &coded, text);
        if a.opened {
            self.stories.push(Story { id: a.story, articles: Vec::new() });
        }
        if let Some(story) = self.stories.get_mut(slot(a.story)) {
            story.articles.push(Article { coded, duplicate_of: a.duplicate_of.clone() });
        }
        a
    }

    /// The stories so far, in order of opening.
    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter()
    }

    pub fn story(&self, id: StoryId) -> Option<&Story> {
        self.stories.get(slot(id))
    }

    pub fn into_stories(self) -> Vec<Story> {
        self.stories
    }
}

/// Inverse document frequency, smoothed so that a term in every article still counts a
/// little: ln(1 + N / df).
fn idf(docs: u32, df: u32) -> f32 {
    (1.0 + docs as f32 / df.max(1) as f32).ln()
}
