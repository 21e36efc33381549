# careerfit's interface in English: its words around the quiz's own texts (take's
# prompts and notes, report's note). Every message here must be in every other
# catalog, with the same variables (src/locale/messages.rs tests it). Quiz texts
# are translated in the quiz's own translation file (quizzes/NAME.LANG.yaml).

## take: before the first question

# The two lines under the title; { $total } questions.
take-intro =
    { $total ->
        [one] 1 question, reviewed at the end. Esc skips one; "← Back" (or b) goes back.
       *[other] { $total } questions, reviewed at the end. Esc skips one; "← Back" (or b) goes back.
    }
    Ctrl-C stops at once, and says how to go on later with your answers.
take-resuming = Resuming quiz `{ $quiz }`: { $answered } of { $total } questions answered, going on from question { $from }.
take-nothing-to-resume = There is no unfinished quiz `{ $quiz }` to resume; starting it.
take-shuffled = The questions come in a random order; --seed { $seed } gives this order again.
# Resuming: what the introduction would have said, shortly; { $commands } is take-resume-commands.
take-resume-keys = Esc skips a question; Ctrl-C stops at once; to go on later:{ $commands }
# How to go on later, a command a line; { $quiz } is " QUIZ", or nothing for the built-in quiz.
take-resume-commands =
    {"  "}`careerfit take{ $quiz } --resume`
    {"  "}or, where careerfit is not installed,
    {"  "}`cargo run --release -- take{ $quiz } --resume`
# After Ctrl-C.
take-interrupted = Your answers so far are kept; to go on with them:{ $commands }
take-save-failed = warning: { $error }; you will not be able to resume this run.
take-no-translation = note: quiz `{ $quiz }` has no translation into { $lang }; it is asked in English.
take-translation-incomplete = note: the { $lang } translation of quiz `{ $quiz }` has problems ({ $file }); what it lacks is in English. `careerfit validate { $check }` lists them.

## take: after the result

take-redirected = careerfit: the result ({ $format ->
        [json] JSON
        [table] tables
        [plain] plain text
        [markdown] Markdown
       *[html] HTML
    }, { $bytes } bytes) went to { $to ->
        [file] { $path }
        [pipe] a pipe
       *[stdout] stdout
    }, not the screen.
take-long-result-saved = The whole result ({ $lines } lines): careerfit take --answers { $path } | less
take-long-result = The whole result ({ $lines } lines) is above; next time, --pager opens it in a pager.
take-saved = Saved your result to { $path }
take-report-written = Wrote your report to { $path } (open it in a browser to print)

## report

report-written = Wrote the report to { $path } (open it in a browser to print)

## The questions

prompt-required = This question is required; please choose an answer.
# What an answered prompt shows when the person skipped it.
prompt-skipped = <skipped>
prompt-back = ← Back to the previous question
prompt-went-back = (back to the previous question)
# The line under each question: where it is, which keys do what, and whether it may be skipped.
prompt-help =
    Question { $number } of { $total } · { $keys ->
        [yes-no] type y or n, then Enter
        [yes-no-back] type y or n then Enter, b to go back
        [multi] ↑↓ to move, Space to tick, Enter when done (none ticked is fine)
        [multi-back] ↑↓ to move, Space to tick, Enter when done (none ticked is fine) or on ← Back to go back
       *[list] ↑↓ to move, Enter to choose
    }, { $required ->
        [yes] required
       *[no] Esc to skip
    }
yes-no-error = Type y or n.
yes-no-error-back = Type y, n or b.
# The words a yes/no question takes, separated by spaces; English's are taken in every language.
yes-no-yes-words = y yes
yes-no-no-words = n no
yes-no-back-words = b back
answer-yes = Yes
answer-no = No
answer-back = Back
answer-skipped = (skipped)
answer-none-ticked = (none ticked)

## The review screen

review-title = Review your answers: change any of them, or finish.
review-help = ↑↓ to move, Enter to change that answer or to finish
prompt-finish = Finish and see my result
review-finished = (finished)
review-changing = (changing the answer to question { $number })
