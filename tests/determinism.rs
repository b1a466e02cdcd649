//! The same input gives byte-identical output at any thread count.

mod common;

use common::{example, fixture};

fn render_with_threads(root: &std::path::Path, threads: usize) -> Vec<nenpo::site::OutputFile> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        nenpo::build::render_report(root)
            .map(|(_, files, _)| files)
            .unwrap_or_else(|f| panic!("{}", f.diagnostics.render(f.lang, false)))
    })
}

#[test]
fn one_and_two_threads_give_the_same_bytes() {
    for root in [fixture("seed002"), example()] {
        let one = render_with_threads(&root, 1);
        let two = render_with_threads(&root, 2);
        assert_eq!(one.len(), two.len());
        for (a, b) in one.iter().zip(&two) {
            assert_eq!(a.path, b.path);
            assert!(
                a.bytes == b.bytes,
                "{} differs between 1 and 2 threads",
                a.path
            );
        }
        let again = render_with_threads(&root, 2);
        assert!(two == again, "two runs differ");
    }
}
