"""relviz.syntax.comments: which /* block comments */ Prisma's grammar takes, and what they document."""

from relviz.syntax.comments import BlockComments


def comments(text: str, lines_read=True) -> BlockComments:
    return BlockComments(text, lambda before, at: lines_read)


def test_a_text_without_block_comments_is_kept_as_it_is():
    text = "model A {\n  id Int @id // a line comment\n}\n"
    assert comments(text).text is text


def test_a_comment_standing_alone_is_blanked_and_documents_from_its_last_line():
    found = comments("/* one\n   two */\nmodel A {\n}\n")
    assert found.text == "      \n         \nmodel A {\n}\n"
    assert found.leading == {1: "one\n   two"}
    assert found.covered == {0, 1}


def test_a_comment_at_the_start_of_a_line_documents_what_follows_on_it():
    found = comments("  /* the id */ id Int @id\n")
    assert found.text == "               id Int @id\n"
    assert found.inline == {0: "the id"}


def test_a_trailing_comment_documents_its_line_even_over_several_lines():
    found = comments("  name String /* a\n  b */\n  x Int\n")
    assert found.trailing == {0: "a\n  b"}
    assert found.trailing_ends == {0: 1}
    assert found.text.splitlines()[1].strip() == ""


def test_a_comment_with_text_on_both_sides_is_no_comment():
    text = "  name String /* c */ @unique\n"
    found = comments(text)
    assert found.text == text
    assert not (found.leading or found.inline or found.trailing)


def test_a_trailing_comment_over_several_lines_after_no_line_of_its_block_is_no_comment():
    text = "  provider /* a\n}\n */\n"
    assert comments(text, lines_read=False).text == text


def test_a_header_takes_the_rest_of_its_line_comment_and_all():
    text = "model A { /* c\n  id Int @id */\n}\n"
    assert comments(text).text == text


def test_after_a_closing_brace_a_comment_documents_the_next_block():
    found = comments("} /* doc */\nmodel B {\n}\n")
    assert found.leading == {0: "doc"}


def test_a_slash_star_in_a_string_or_a_line_comment_starts_nothing():
    text = '  title String @default("/* x") // see /* here\n  y Int */\n'
    assert comments(text).text == text


def test_a_comment_prisma_does_not_take_starts_nothing_and_the_next_one_starts_anew():
    found = comments("model A /*{\n  x\n/* b */}\n")
    assert found.text == "model A /*{\n  x\n       }\n"
    assert found.inline == {2: "b"}
