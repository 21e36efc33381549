# La interfaz de careerfit en español (de Estados Unidos, de tú, con lenguaje
# inclusivo): las palabras de `careerfit take` alrededor de los textos del
# cuestionario. Cada mensaje de locales/en/careerfit.ftl está aquí, con las mismas
# variables (lo comprueba src/locale/messages.rs). Los textos del cuestionario se
# traducen en su propio archivo (quizzes/NOMBRE.es.yaml), no aquí.

## take: antes de la primera pregunta

take-intro =
    { $total ->
        [one] 1 pregunta, que repasas al final. Esc la salta; "← Atrás" (o a) regresa.
       *[other] { $total } preguntas, que repasas al final. Esc salta una; "← Atrás" (o a) regresa.
    }
    Ctrl-C para de inmediato y te dice cómo seguir más tarde con tus respuestas.
take-resuming = Sigues con el cuestionario `{ $quiz }`: llevas { $answered } de { $total } preguntas; continúas desde la pregunta { $from }.
take-nothing-to-resume = No hay ningún cuestionario `{ $quiz }` sin terminar; empieza desde el principio.
take-shuffled = Las preguntas salen en orden aleatorio; --seed { $seed } repite este orden.
take-resume-keys = Esc salta una pregunta; Ctrl-C para de inmediato; para seguir más tarde:{ $commands }
take-resume-commands =
    {"  "}`careerfit take{ $quiz } --resume`
    {"  "}o, donde careerfit no está instalado,
    {"  "}`cargo run --release -- take{ $quiz } --resume`
take-interrupted = Tus respuestas hasta ahora se guardaron; para seguir con ellas:{ $commands }
take-save-failed = aviso: { $error }; no vas a poder continuar este intento más tarde.
take-no-translation = nota: el cuestionario `{ $quiz }` no está traducido a { $lang }; va en inglés.
take-translation-incomplete = nota: la traducción a { $lang } del cuestionario `{ $quiz }` tiene problemas ({ $file }); lo que le falta va en inglés. `careerfit validate { $check }` los muestra.

## take: después del resultado

take-redirected = careerfit: el resultado ({ $format ->
        [json] JSON
        [table] tablas
        [plain] texto simple
        [markdown] Markdown
       *[html] HTML
    }, { $bytes } bytes) fue a { $to ->
        [file] { $path }
        [pipe] una tubería
       *[stdout] la salida estándar
    }, no a la pantalla.
take-long-result-saved = Todo el resultado ({ $lines } líneas): careerfit take --answers { $path } | less
take-long-result = Todo el resultado ({ $lines } líneas) está arriba; la próxima vez, usa --pager.
take-saved = Tu resultado se guardó en { $path }
take-report-written = Tu informe está en { $path } (ábrelo en un navegador para imprimirlo)

## report

report-written = El informe está en { $path } (ábrelo en un navegador para imprimirlo)

## Las preguntas

prompt-required = Esta pregunta es obligatoria; elige una respuesta, por favor.
prompt-skipped = <saltada>
prompt-back = ← Atrás, a la pregunta anterior
prompt-went-back = (de vuelta a la pregunta anterior)
prompt-help =
    Pregunta { $number } de { $total } · { $keys ->
        [yes-no] escribe s o n y Enter
        [yes-no-back] escribe s o n y Enter, a para regresar
        [multi] ↑↓ para moverte, Espacio para marcar, Enter al terminar (puedes no marcar ninguna)
        [multi-back] ↑↓ para moverte, Espacio para marcar, Enter al terminar (puedes no marcar ninguna) o en ← Atrás para regresar
       *[list] ↑↓ para moverte, Enter para elegir
    }, { $required ->
        [yes] obligatoria
       *[no] Esc para saltarla
    }
yes-no-error = Escribe s o n.
yes-no-error-back = Escribe s, n o a.
yes-no-yes-words = s sí si
yes-no-no-words = n no
yes-no-back-words = a atrás atras
answer-yes = Sí
answer-no = No
answer-back = Atrás
answer-skipped = (saltada)
answer-none-ticked = (ninguna marcada)

## La pantalla de repaso

review-title = Repasa tus respuestas: cambia las que quieras, o termina.
review-help = ↑↓ para moverte, Enter para cambiar esa respuesta o para terminar
prompt-finish = Terminar y ver mi resultado
review-finished = (terminado)
review-changing = (cambiando la respuesta a la pregunta { $number })
