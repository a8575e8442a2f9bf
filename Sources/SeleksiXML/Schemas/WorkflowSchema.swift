/// The XML Schema every file in `workflows/` must satisfy; `seleksi schema workflow` prints it.
public enum WorkflowSchema {
    public static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- Seleksi workflow definition, version 1. Semantic rules (known states, roles, forms, reachability,
     expressions) are checked after this schema by `seleksi check`. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:simpleType name="Id">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="DefinitionId">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="IdList">
    <xs:restriction base="xs:string"><xs:pattern value="(\*|[a-z][a-z0-9_]*)( (\*|[a-z][a-z0-9_]*))*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Duration">
    <xs:restriction base="xs:string"><xs:pattern value="P([0-9]+[YMWD])*(T([0-9]+[HMS])+)?"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Text">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="lang" use="required">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="id"/><xs:enumeration value="en"/></xs:restriction></xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:element name="workflow">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title" type="Text" minOccurs="1" maxOccurs="2"/>
        <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="roles">
          <xs:complexType><xs:sequence>
            <xs:element name="role" minOccurs="1" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"/></xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="scope" default="organisation">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="organisation"/><xs:enumeration value="owner"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <!-- A holder sees every rater's independent sheet (the chair), where a rater sees none before his own. -->
                <xs:attribute name="reads-ratings" type="xs:boolean" default="false"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="variables" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="variable" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence><xs:element name="label" type="Text" minOccurs="0" maxOccurs="2"/></xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="initial" type="xs:string"/>
                <!-- The machine's proposal for a field a person fills (form.field): its choice labels name
                     the value, and a review offers it as the answer; `because` names the variable of its reasons. -->
                <xs:attribute name="proposes">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="because" type="Id"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <!-- Who may write a form outside a transition: submit a first version, correct it (a new
             version with a reason), or withdraw a rater's sheet (with a reason). Anything else is refused. -->
        <xs:element name="submissions" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="allow" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="action" use="required">
                  <xs:simpleType><xs:restriction base="xs:string">
                    <xs:enumeration value="submit"/><xs:enumeration value="correct"/><xs:enumeration value="withdraw"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="form" type="DefinitionId" use="required"/>
                <xs:attribute name="roles" type="IdList" use="required"/>
                <xs:attribute name="states" type="IdList" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <!-- A key at most one instance may hold within its parent (or the whole database): claimed
             when `on` is accepted; only the SHA-256 of the value is stored. -->
        <xs:element name="unique" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence><xs:element name="message" type="Text" minOccurs="1" maxOccurs="2"/></xs:sequence>
            <xs:attribute name="name" type="Id" use="required"/>
            <xs:attribute name="key" type="xs:string" use="required"/>
            <xs:attribute name="on" type="Id" use="required"/>
            <xs:attribute name="within" default="parent">
              <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="parent"/><xs:enumeration value="all"/></xs:restriction></xs:simpleType>
            </xs:attribute>
          </xs:complexType>
        </xs:element>
        <xs:element name="votes" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="vote" minOccurs="1" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence><xs:element name="label" type="Text" minOccurs="0" maxOccurs="2"/></xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="roles" type="IdList" use="required"/>
                <xs:attribute name="states" type="IdList" use="required"/>
                <xs:attribute name="rule" default="majority">
                  <xs:simpleType><xs:restriction base="xs:string">
                    <xs:enumeration value="unanimous"/><xs:enumeration value="majority"/><xs:enumeration value="plurality"/>
                  </xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="quorum" default="all">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="all|[1-9][0-9]*|[1-9][0-9]*/[1-9][0-9]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="threshold">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[1-9][0-9]*/[1-9][0-9]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="secret" type="xs:boolean" default="false"/>
                <xs:attribute name="choices" type="IdList"/>
                <xs:attribute name="candidates" type="xs:string"/>
                <xs:attribute name="abstain" type="Id"/>
                <xs:attribute name="changeable" type="xs:boolean" default="true"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="states">
          <xs:complexType><xs:sequence>
            <xs:element name="state" minOccurs="1" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"/>
                  <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"/>
                  <xs:element name="timer" minOccurs="0" maxOccurs="unbounded">
                    <xs:complexType>
                      <xs:attribute name="event" type="Id" use="required"/>
                      <xs:attribute name="after" type="Duration"/>
                      <xs:attribute name="at" type="xs:string"/>
                    </xs:complexType>
                  </xs:element>
                </xs:sequence>
                <xs:attribute name="id" type="Id" use="required"/>
                <xs:attribute name="initial" type="xs:boolean" default="false"/>
                <xs:attribute name="final" type="xs:boolean" default="false"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="timers" minOccurs="0">
          <xs:complexType><xs:sequence>
            <xs:element name="timer" minOccurs="1" maxOccurs="unbounded">
              <xs:complexType>
                <xs:attribute name="states" type="IdList" use="required"/>
                <xs:attribute name="event" type="Id" use="required"/>
                <xs:attribute name="after" type="Duration"/>
                <xs:attribute name="at" type="xs:string"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="transitions">
          <xs:complexType><xs:sequence>
            <xs:element name="transition" minOccurs="1" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="label" type="Text" minOccurs="0" maxOccurs="2"/>
                  <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"/>
                  <xs:element name="requires" minOccurs="0" maxOccurs="unbounded">
                    <xs:complexType><xs:attribute name="form" type="DefinitionId" use="required"/></xs:complexType>
                  </xs:element>
                  <xs:element name="guard" minOccurs="0" maxOccurs="unbounded">
                    <xs:complexType>
                      <xs:sequence><xs:element name="message" type="Text" minOccurs="1" maxOccurs="2"/></xs:sequence>
                      <xs:attribute name="test" type="xs:string" use="required"/>
                    </xs:complexType>
                  </xs:element>
                  <xs:choice minOccurs="0" maxOccurs="unbounded">
                    <xs:element name="set">
                      <xs:complexType>
                        <xs:attribute name="var" type="Id" use="required"/>
                        <xs:attribute name="value" type="xs:string" use="required"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="decision">
                      <xs:complexType>
                        <xs:attribute name="name" type="Id" use="required"/>
                        <xs:attribute name="value" type="xs:string" use="required"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="create">
                      <xs:complexType>
                        <xs:sequence>
                          <xs:element name="pass" minOccurs="0" maxOccurs="unbounded">
                            <xs:complexType>
                              <xs:attribute name="var" type="Id" use="required"/>
                              <xs:attribute name="value" type="xs:string" use="required"/>
                            </xs:complexType>
                          </xs:element>
                        </xs:sequence>
                        <xs:attribute name="workflow" type="DefinitionId" use="required"/>
                        <xs:attribute name="count" type="xs:string"/>
                      </xs:complexType>
                    </xs:element>
                    <!-- Fire `event` on every child in `state`. -->
                    <xs:element name="notify">
                      <xs:complexType>
                        <xs:attribute name="state" type="Id" use="required"/>
                        <xs:attribute name="event" type="Id" use="required"/>
                      </xs:complexType>
                    </xs:element>
                    <xs:element name="grant">
                      <xs:complexType>
                        <xs:attribute name="role" type="Id" use="required"/>
                        <xs:attribute name="actors" type="xs:string" use="required"/>
                        <xs:attribute name="org" type="xs:string"/>
                        <xs:attribute name="until" type="xs:string"/>
                      </xs:complexType>
                    </xs:element>
                    <!-- Rank the children in `state` within groups against quotas; see RankEffect. -->
                    <xs:element name="rank">
                      <xs:complexType>
                        <xs:attribute name="state" type="Id" use="required"/>
                        <xs:attribute name="group-by" type="xs:string" use="required"/>
                        <xs:attribute name="order" type="xs:string" use="required"/>
                        <xs:attribute name="quota-rows" type="xs:string" use="required"/>
                        <xs:attribute name="quota-key" type="xs:string" use="required"/>
                        <xs:attribute name="quota-count" type="xs:string" use="required"/>
                        <xs:attribute name="selected" type="Id" use="required"/>
                        <xs:attribute name="rest" type="Id" use="required"/>
                        <xs:attribute name="variable" type="Id" default="peringkat"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:choice>
                </xs:sequence>
                <xs:attribute name="event" type="Id" use="required"/>
                <xs:attribute name="from" type="IdList" use="required"/>
                <xs:attribute name="to" type="Id" use="required"/>
                <xs:attribute name="roles" type="IdList" use="required"/>
                <xs:attribute name="quorum">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="all|[1-9][0-9]*"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="auto" type="xs:boolean" default="false"/>
                <!-- A step a role may take but the process does not wait for (withdraw, cancel, declare a
                     conflict, reopen): never listed among anyone's tasks. -->
                <xs:attribute name="optional" type="xs:boolean" default="false"/>
                <!-- The actor signs the command with his registered Ed25519 key (the sign option of seleksi fire). -->
                <xs:attribute name="signature" default="optional">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="optional"/><xs:enumeration value="required"/></xs:restriction></xs:simpleType>
                </xs:attribute>
                <xs:attribute name="reason" default="optional">
                  <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="optional"/><xs:enumeration value="required"/></xs:restriction></xs:simpleType>
                </xs:attribute>
              </xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="id" type="DefinitionId" use="required"/>
      <xs:attribute name="version" type="xs:string" use="required"/>
      <!-- Roles that may start an instance. A role of scope="owner" here lets any registered actor
           start one (and own it): the public applying directly. -->
      <xs:attribute name="start-roles" type="IdList" use="required"/>
      <xs:attribute name="parent" type="DefinitionId"/>
      <xs:attribute name="calendar">
        <xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z0-9_\-]+/[a-z0-9_\-]+"/></xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:attribute name="parties" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""#
}
