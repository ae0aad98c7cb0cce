# Reads every .ann under a folder with brat's own reader (TextAnnotations checks each span's text
# against the .txt) and prints one JSON line: files read, T lines, T lines brat parsed, failures.
import glob, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import annotation
out = {'files': 0, 't_lines': 0, 't_parsed': 0, 'other_lines': 0, 'other_parsed': 0, 'failures': []}
for ann in sorted(glob.glob(os.path.join(sys.argv[1], '**', '*.ann'), recursive=True)):
    lines = [l for l in open(ann, encoding='utf8').read().splitlines() if l.strip()]
    t_lines = [l for l in lines if l.startswith('T')]
    try:
        with annotation.TextAnnotations(ann[:-4], read_only=True) as anns:
            parsed = list(anns)
            text = anns.get_document_text()
            bounds = [a for a in parsed if isinstance(a, annotation.TextBoundAnnotation)]
            for t in bounds:
                if ' '.join(text[s:e] for (s, e) in t.spans) != t.text:
                    out['failures'].append('%s: %s text differs' % (ann, t.id))
            unparsed = [str(a).strip() for a in parsed if isinstance(a, (annotation.UnparsedIdedAnnotation, annotation.UnknownAnnotation))]
            out['failures'] += ['%s: not parsed: %s' % (ann, u) for u in unparsed]
            out['files'] += 1
            out['t_lines'] += len(t_lines)
            out['t_parsed'] += len(bounds)
            out['other_lines'] += len(lines) - len(t_lines)
            out['other_parsed'] += len(parsed) - len(bounds) - len(unparsed)
    except Exception as ex:
        out['failures'].append('%s: %s: %s' % (ann, type(ex).__name__, ex))
print(json.dumps(out))
