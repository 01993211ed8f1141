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
            posting_cap: 256,
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
    story: Story,
    centroid: Centroid,
    indexed: HashSet<TermId>,
    dates: Option<(NaiveDate, NaiveDate)>,
}

struct SeenDoc {
    id: String,
    story: StoryId,
    signature: Signature,
    duplicate_of: Option<String>,
}

/// Stories built one article at a time.
pub struct StoryIndex {
    config: Config,
    vocab: HashMap<String, TermId>,
    df: Vec<u32>,
    docs: u32,
    stories: Vec<StoryState>,
    postings: Vec<VecDeque<StoryId>>,
    buckets: HashMap<u64, VecDeque<usize>>,
    seen: Vec<SeenDoc>,
}

/// Bucket entries kept per LSH band hash.
const BUCKET_CAP: usize = 64;

impl Default for StoryIndex {
    fn default() -> Self {
        StoryIndex::new(Config::default())
    }
}

impl StoryIndex {
    pub fn new(config: Config) -> StoryIndex {
        StoryIndex {
            config,
            vocab: HashMap::new(),
            df: Vec::new(),
            docs: 0,
            stories: Vec::new(),
            postings: Vec::new(),
            buckets: HashMap::new(),
            seen: Vec::new(),
        }
    }

    /// Adds one article (its coding and its cleaned text) to a story, opening one if none
    /// is similar enough.
    pub fn add(&mut self, coded: CodedDocument, text: &str) -> Assignment {
        let vector = self.vectorize(&coded, text);
        let published = coded.doc.published.as_deref().and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let signature = Signature::of_text(text);

        let copy = signature.as_ref().and_then(|s| self.original_of(s));
        let (story, similarity, duplicate_of, opened) = match copy {
            Some((slot, jac)) => {
                let orig = &self.seen[slot];
                let root = orig.duplicate_of.clone().unwrap_or_else(|| orig.id.clone());
                (orig.story, jac as f32, Some(root), false)
            }
            None => match self.best_story(&vector, published) {
                Some((id, sim)) if sim >= self.config.threshold => (id, sim, None, false),
                _ => {
                    let id = StoryId(self.stories.len() as u32);
                    self.stories.push(StoryState {
                        story: Story { id, articles: Vec::new() },
                        centroid: Centroid::default(),
                        indexed: HashSet::new(),
                        dates: None,
                    });
                    (id, 0.0, None, true)
                }
            },
        };

        let doc_id = coded.doc.id.clone();
        let (df, docs) = (&self.df, self.docs);
        let idf = |t: TermId| idf(docs, df[t as usize]);
        let state = &mut self.stories[story.0 as usize];
        if duplicate_of.is_none() {
            state.centroid.add(&vector, self.config.centroid_terms, idf);
            for t in vector.top_terms(self.config.lookup_terms, idf) {
                if state.indexed.insert(t) {
                    let posting = &mut self.postings[t as usize];
                    posting.push_back(story);
                    if posting.len() > self.config.posting_cap {
                        posting.pop_front();
                    }
                }
            }
        }
        if let Some(p) = published {
            state.dates = Some(match state.dates {
                Some((a, b)) => (a.min(p), b.max(p)),
                None => (p, p),
            });
        }
        state.story.articles.push(Article { coded, duplicate_of: duplicate_of.clone() });
        if let Some(sig) = signature {
            let slot = self.seen.len();
            for band in sig.bands() {
                let bucket = self.buckets.entry(band).or_default();
                bucket.push_back(slot);
                if bucket.len() > BUCKET_CAP {
                    bucket.pop_front();
                }
            }
            self.seen.push(SeenDoc { id: doc_id, story, signature: sig, duplicate_of: duplicate_of.clone() });
        }
        Assignment { story, opened, duplicate_of, similarity }
    }

    /// The stories so far, in order of opening.
    pub fn stories(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter().map(|s| &s.story)
    }

    pub fn story(&self, id: StoryId) -> Option<&Story> {
        self.stories.get(id.0 as usize).map(|s| &s.story)
    }

    pub fn into_stories(self) -> Vec<Story> {
        self.stories.into_iter().map(|s| s.story).collect()
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&t) = self.vocab.get(term) {
            return t;
        }
        let t = self.df.len() as TermId;
        self.vocab.insert(term.to_string(), t);
        self.df.push(0);
        self.postings.push(VecDeque::new());
        t
    }

    /// Counts the article's terms into the document frequencies and returns its
    /// term-frequency vector, cut to the terms heaviest by TF-IDF.
    fn vectorize(&mut self, coded: &CodedDocument, text: &str) -> SparseVec {
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
        let mut weights: Vec<(TermId, f32, f32)> = tf
            .into_iter()
            .map(|(t, (c, w))| {
                let raw = (1.0 + c.ln()) * w;
                (t, raw, raw * idf(self.docs, self.df[t as usize]))
            })
            .collect();
        if weights.len() > self.config.doc_terms {
            weights.select_nth_unstable_by(self.config.doc_terms, |a, b| b.2.total_cmp(&a.2));
            weights.truncate(self.config.doc_terms);
        }
        SparseVec::from_weights(weights.into_iter().map(|(t, raw, _)| (t, raw)).collect(), usize::MAX)
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
                let state = &self.stories[id.0 as usize];
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
            .map(|(id, _)| (id, self.stories[id.0 as usize].centroid.cosine(v, idf)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }
}

/// Inverse document frequency, smoothed so that a term in every article still counts a
/// little: ln(1 + N / df).
fn idf(docs: u32, df: u32) -> f32 {
    (1.0 + docs as f32 / df.max(1) as f32).ln()
}
